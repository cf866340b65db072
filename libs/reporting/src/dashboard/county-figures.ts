import { EMPLOYED_STATUSES, EmploymentStatus } from '@daogang/registry';
import type { CountyChangeDto, CountyFiguresDto, DestinationCountsDto, RankBy } from '../dto/report.dto.js';
import { Metric, statusMetric } from '../summary/report-metrics.js';

/** Metric → count of one place (a county, a village, or a total). */
export type Counts = Map<string, number>;

export const DESTINATION_KEYS: Record<keyof DestinationCountsDto, EmploymentStatus> = {
  outOfProvince: EmploymentStatus.EmployedOutOfProvince,
  inProvince: EmploymentStatus.EmployedInProvince,
  inCounty: EmploymentStatus.EmployedInCounty,
  publicWelfare: EmploymentStatus.PublicWelfarePost,
  selfEmployed: EmploymentStatus.SelfEmployed,
  inTraining: EmploymentStatus.InTraining,
  notEmployed: EmploymentStatus.NotEmployed,
};

/** A share 0–1 rounded to 4 decimals (0 when there is nobody to count). */
export const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

export function destinations(counts: Counts): DestinationCountsDto {
  const out = {} as DestinationCountsDto;
  for (const [key, status] of Object.entries(DESTINATION_KEYS)) out[key as keyof DestinationCountsDto] = counts.get(statusMetric(status)) ?? 0;
  return out;
}

export function figures(countyCode: string, countyName: string, counts: Counts): CountyFiguresDto {
  const workers = counts.get(Metric.Workers) ?? 0;
  const employed = EMPLOYED_STATUSES.reduce((n, s) => n + (counts.get(statusMetric(s)) ?? 0), 0);
  const complete = counts.get(Metric.Complete) ?? 0;
  return {
    countyCode,
    countyName,
    workers,
    employed,
    employmentRate: share(employed, workers),
    destinations: destinations(counts),
    complete,
    completenessRate: share(complete, workers),
    averageScore: workers ? Math.round(((counts.get(Metric.Score) ?? 0) / workers) * 10) / 10 : 0,
    households: counts.get(Metric.Households) ?? 0,
    zeroHouseholds: counts.get(Metric.ZeroHouseholds) ?? 0,
    overdue: counts.get(Metric.Overdue) ?? 0,
    openCases: counts.get(Metric.OpenCases) ?? 0,
  };
}

/** Adds `from` into `into` (a total over places). */
export function addCounts(into: Counts, from: Counts): Counts {
  for (const [metric, n] of from) into.set(metric, (into.get(metric) ?? 0) + n);
  return into;
}

/** Best first: higher rates, fewer overdue follow-ups / open cases / zero-employment households; ties by code. */
export function rankOrder(by: RankBy): (a: CountyFiguresDto, b: CountyFiguresDto) => number {
  const value = (f: CountyFiguresDto) => f[by];
  const descending = by === 'employmentRate' || by === 'completenessRate';
  return (a, b) => (descending ? value(b) - value(a) : value(a) - value(b)) || b.employmentRate - a.employmentRate || a.countyCode.localeCompare(b.countyCode);
}

/** Now against before (rates as differences of shares); the rank is the caller's. */
export function changeOf(now: CountyFiguresDto, before: CountyFiguresDto): Omit<CountyChangeDto, 'rank'> {
  const diff = (a: number, b: number) => Math.round((a - b) * 10_000) / 10_000;
  return {
    workers: now.workers - before.workers,
    employed: now.employed - before.employed,
    employmentRate: diff(now.employmentRate, before.employmentRate),
    completenessRate: diff(now.completenessRate, before.completenessRate),
    overdue: now.overdue - before.overdue,
    openCases: now.openCases - before.openCases,
    zeroHouseholds: now.zeroHouseholds - before.zeroHouseholds,
  };
}
