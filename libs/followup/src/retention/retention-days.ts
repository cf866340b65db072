/**
 * The days the retention summary counts by. Retention: 30, 90 and 180 days after arrival. Follow-ups: the days of the
 * default programme after arrival (a follow-up due on one of these days after its placement's arrival is counted in
 * the summary's columns; one due on any other day is "irregular" and counted exactly from follow_ups at query time —
 * correct, only slower; a programme with other days should add them here and in a migration).
 */
export const RETENTION_DAYS = [30, 90, 180] as const;
export const FOLLOW_UP_DAYS = [3, 7, 30, 90, 180] as const;

/** How a follow-up counts: open (scheduled or due, not yet done), done, overdue; cancelled ones do not count. */
export const FOLLOW_UP_CLASSES = ['done', 'overdue', 'open'] as const;
export type FollowUpClass = (typeof FOLLOW_UP_CLASSES)[number];

/** The summary's counters, the same in the per-placement rows and the daily rows (column names). */
export const PLACEMENT_COUNTERS = ['placements', 'arrived', ...RETENTION_DAYS.map((n) => `left_within_${n}`)] as const;
export const FOLLOW_UP_COUNTERS = FOLLOW_UP_CLASSES.flatMap((c) => FOLLOW_UP_DAYS.map((d) => `${c}_within_${d}`));
export const COUNTERS: string[] = [...PLACEMENT_COUNTERS, ...FOLLOW_UP_COUNTERS, 'irregular'];
