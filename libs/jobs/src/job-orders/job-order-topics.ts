/** Outbox topic of job-order changes (the search indexer consumes it). */
export const JOBS_TOPIC = 'search.jobs';
