import { EMPLOYED_STATUSES, EmploymentStatus } from '@daogang/registry';

/**
 * The metrics of the report summary (report_counts.metric), and where each is counted:
 * - per village (the worker's home county, township and village): `workers`, `status:<employment status>`, `complete`
 *   (nothing missing or unverified), `score` (sum of completeness points); `households`, `zero_households` (零就业户).
 * - per county (township = village = ''): `overdue` (follow-ups overdue, by the worker's county), `open_cases` (帮扶工单
 *   open), `absorbed:<work county>` (workers of the county currently at work — arrived, not left — in that county).
 */
export const Metric = {
  Workers: 'workers',
  Complete: 'complete',
  Score: 'score',
  Households: 'households',
  ZeroHouseholds: 'zero_households',
  Overdue: 'overdue',
  OpenCases: 'open_cases',
} as const;

export const statusMetric = (status: EmploymentStatus) => `status:${status}`;
export const ABSORBED_PREFIX = 'absorbed:';

/** 去向 classes of the destination table and the targets, in the order officers read them. */
export const DESTINATIONS = ['out_of_province', 'in_province', 'in_county'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const DESTINATION_STATUS: Record<Destination, EmploymentStatus> = {
  out_of_province: EmploymentStatus.EmployedOutOfProvince,
  in_province: EmploymentStatus.EmployedInProvince,
  in_county: EmploymentStatus.EmployedInCounty,
};

export const DESTINATION_ZH: Record<Destination, string> = {
  out_of_province: '省外就业',
  in_province: '省内县外就业',
  in_county: '县内就业',
};

export { EMPLOYED_STATUSES };
