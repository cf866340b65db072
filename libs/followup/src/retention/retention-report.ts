import type { RetentionRowDto } from './dto/retention.dto.js';
import { RETENTION_DAYS } from './retention-days.js';

/** What the SQL answers for one group (retention.sql.ts), as numbers. Additive: groups and totals are sums. */
export interface Tally {
  placements: number;
  arrived: number;
  eligible_30: number;
  retained_30: number;
  eligible_90: number;
  retained_90: number;
  eligible_180: number;
  retained_180: number;
  done: number;
  overdue: number;
  /** Follow-ups scheduled or due, due by asOf. */
  open: number;
  /** Of those, due before asOf. */
  late: number;
}

const FIELDS: Array<keyof Tally> = [
  'placements', 'arrived', 'eligible_30', 'retained_30', 'eligible_90', 'retained_90', 'eligible_180', 'retained_180',
  'done', 'overdue', 'open', 'late',
];

export const emptyTally = (): Tally => Object.fromEntries(FIELDS.map((f) => [f, 0])) as unknown as Tally;

/** A raw SQL row (sums come back as strings, absent ones as null) → numbers; fields it lacks stay 0. */
export function tallyOf(raw: Record<string, unknown>): Tally {
  const t = emptyTally();
  for (const f of FIELDS) if (raw[f] !== undefined && raw[f] !== null) t[f] = Number(raw[f]);
  return t;
}

export function addTally(into: Tally, more: Tally): Tally {
  for (const f of FIELDS) into[f] += more[f];
  return into;
}

/** Sums the tallies of keys that map to the same group (counties → their city). */
export function regroup(tallies: Map<string, Tally>, groupOf: (key: string) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const [key, t] of tallies) {
    const group = groupOf(key);
    addTally(out.get(group) ?? out.set(group, emptyTally()).get(group)!, t);
  }
  return out;
}

/** A share, 0–1 to four decimals; null when nothing is counted. */
export const rate = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 10_000) / 10_000 : null);

/**
 * A row of the report. Retention N: retained / eligible (arrived at least N days before asOf). Follow-ups due by
 * asOf = done + overdue + open; completion = done / (done + overdue + due past their day); overdue = overdue / due.
 */
export function rowOf(key: string, label: string, t: Tally): RetentionRowDto {
  const [r30, r90, r180] = RETENTION_DAYS.map((n) => {
    const eligible = t[`eligible_${n}`];
    const retained = t[`retained_${n}`];
    return { eligible, retained, rate: rate(retained, eligible) };
  });
  const followUpsDue = t.done + t.overdue + t.open;
  return {
    key, label, placements: t.placements, arrived: t.arrived, retained30: r30, retained90: r90, retained180: r180,
    followUpsDue, done: t.done, overdue: t.overdue, dueLate: t.late,
    completionRate: rate(t.done, t.done + t.overdue + t.late), overdueRate: rate(t.overdue, followUpsDue),
  };
}

/** Months in order; anything else by placements, most first, then by label. */
export function sortRows(rows: RetentionRowDto[], chronological: boolean): RetentionRowDto[] {
  return rows.sort((a, b) =>
    chronological ? a.key.localeCompare(b.key) : b.placements - a.placements || a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key),
  );
}
