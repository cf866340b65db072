/**
 * The SQL of the retention reports (bench/followup measures these). One select list over either summary, grouped by a
 * plain column (months by day, destination counties: folded into months and cities by the service):
 *
 * - Everything (admin, coordinator): `retention_daily`, one row per dimension, key and placement day, read for one
 *   dimension over the period: `WHERE dim = :dim AND placed_on BETWEEN :from AND :to GROUP BY r.key`. Served by its
 *   primary key (dim, key, placed_on) — a range of the dimension; the largest, employer, has a row per employer and
 *   day with placements (456,000 for 1,000,000 placements of 1,800 employers), the others 400 to 70,000.
 * - A broker's or officer's origin counties: `retention_placements` through applyScope,
 *   `WHERE origin_county IN (:...counties) AND placed_on BETWEEN :from AND :to` — an index-only scan of
 *   retention_placements_origin_idx (origin_county, placed_on, then every column grouped by or summed).
 * - An employer's own: `employer_id = :employer` — retention_placements_employer_idx (employer_id, placed_on).
 * - Follow-ups due on a day outside the programme days (retention-days.ts), if any: counted from follow_ups for the
 *   placements flagged `irregular > 0` — partial index retention_placements_irregular_idx (placed_on) WHERE
 *   irregular > 0, then follow_ups_one_per_day (application_id, …). Normally it finds nothing.
 *
 * A row's counters hold, per placement day, the follow-ups due N days after arrival cumulatively, so "due by asOf"
 * is the column of the largest programme day D with placed_on ≤ asOf − D (a CASE down the days, no per-follow-up work).
 * Parameters: :from, :to (placement days), :e30 :e90 :e180 = asOf − 30/90/180 (eligible), :d<D> = asOf − D (due),
 * :l<D> = asOf − D − 1 (due before asOf: late when still open), :asOf.
 *
 * EXPLAIN ANALYZE plans and timings over 1,000,000 placements: bench/followup/README.md.
 */
import { FOLLOW_UP_CLASSES, FOLLOW_UP_DAYS, RETENTION_DAYS } from './retention-days.js';
import type { RetentionDim } from './entities/retention-daily.entity.js';

export const RETENTION_BY = ['employer', 'broker', 'origin_county', 'destination_city', 'category', 'month'] as const;
export type RetentionBy = (typeof RETENTION_BY)[number];

/** The daily summary's dimension for each grouping (month groups the `all` rows by their day's month). */
export const DIM_OF: Record<RetentionBy, RetentionDim> = {
  employer: 'employer', broker: 'broker', origin_county: 'origin', destination_city: 'destination', category: 'category', month: 'all',
};

/**
 * The group key over either summary (alias r): `group` is what the rows are grouped by — a plain column, so nothing is
 * computed per row — and `select` names the group. Months are grouped by day (a few hundred groups) and added up by
 * month in the service, destination counties by their city.
 */
export interface GroupKey {
  group: string;
  select: string;
}
export const PLACEMENT_KEY: Record<RetentionBy, GroupKey> = {
  employer: { group: 'r.employer_id', select: 'r.employer_id::text' },
  broker: { group: 'r.broker_id', select: `coalesce(r.broker_id::text, '')` },
  origin_county: { group: 'r.origin_county', select: 'r.origin_county::text' },
  destination_city: { group: 'r.destination_county', select: `coalesce(r.destination_county::text, '')` },
  category: { group: 'r.category', select: 'r.category::text' },
  month: { group: 'r.placed_on', select: `to_char(r.placed_on, 'YYYY-MM-DD')` },
};
export const DAILY_KEY = (by: RetentionBy): GroupKey =>
  by === 'month' ? PLACEMENT_KEY.month : { group: 'r.key', select: 'r.key::text' };

const byDay = (column: (day: number) => string, param: (day: number) => string) =>
  `sum(CASE ${[...FOLLOW_UP_DAYS].reverse().map((d) => `WHEN r.placed_on <= :${param(d)} THEN r.${column(d)}`).join(' ')} ELSE 0 END)`;

/** The select list, the same over both summaries (their counter columns are the same). */
export const REPORT_AGGREGATES: Array<[alias: string, sql: string]> = [
  ['placements', 'sum(r.placements)'],
  ['arrived', 'sum(r.arrived)'],
  ...RETENTION_DAYS.flatMap((n): Array<[string, string]> => [
    [`eligible_${n}`, `sum(r.arrived) FILTER (WHERE r.placed_on <= :e${n})`],
    [`retained_${n}`, `sum(r.arrived - r.left_within_${n}) FILTER (WHERE r.placed_on <= :e${n})`],
  ]),
  ...FOLLOW_UP_CLASSES.map((c): [string, string] => [c, byDay((d) => `${c}_within_${d}`, (d) => `d${d}`)]),
  ['late', byDay((d) => `open_within_${d}`, (d) => `l${d}`)],
];

/** Follow-ups due on other days, counted one by one (placements flagged irregular only). */
export const IRREGULAR_AGGREGATES: Array<[alias: string, sql: string]> = [
  ['done', `count(*) FILTER (WHERE f.status = 'done')`],
  ['overdue', `count(*) FILTER (WHERE f.status = 'overdue')`],
  ['open', `count(*) FILTER (WHERE f.status IN ('scheduled', 'due'))`],
  ['late', `count(*) FILTER (WHERE f.status IN ('scheduled', 'due') AND f.due_on < :asOf)`],
];
/** Joined to retention_placements r: the follow-ups due by asOf on a day the summary does not count. */
export const IRREGULAR_FOLLOW_UPS = {
  table: 'follow_ups',
  alias: 'f',
  on: `f.application_id = r.application_id AND f.status <> 'cancelled' AND f.due_on <= :asOf
       AND f.due_on - r.arrived_on NOT IN (${FOLLOW_UP_DAYS.join(', ')})`,
};

/** The date parameters of an as-of day. */
export function reportParameters(from: string, to: string, asOf: string): Record<string, string> {
  const minus = (days: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const params: Record<string, string> = { from, to, asOf };
  for (const n of RETENTION_DAYS) params[`e${n}`] = minus(n);
  for (const d of FOLLOW_UP_DAYS) {
    params[`d${d}`] = minus(d);
    params[`l${d}`] = minus(d + 1);
  }
  return params;
}
