/** Outbox topic of job-order changes (the search indexer consumes it). */
export const JOBS_TOPIC = 'search.jobs';

/** Employers and officers think in Beijing days. */
export function beijingToday(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
