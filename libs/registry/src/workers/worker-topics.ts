import type { EntityManager } from 'typeorm';

/** Outbox topic of worker changes (the search indexer consumes it). */
export const WORKERS_TOPIC = 'search.workers';


/**
 * Announces changed workers to the search indexer, in the caller's transaction: the given workers and every member
 * of the given households (whose zero-employment flag may have changed with them).
 */
export async function announceWorkers(
  manager: EntityManager,
  workerIds: Array<string | null | undefined>,
  householdIds: Array<string | null | undefined> = [],
): Promise<void> {
  const workers = [...new Set(workerIds.filter((id): id is string => !!id))];
  const households = [...new Set(householdIds.filter((id): id is string => !!id))];
  if (!workers.length && !households.length) return;
  await manager.query(
    `INSERT INTO outbox_events (topic, key)
     SELECT $3, id::text FROM workers WHERE id = ANY($1::uuid[]) OR household_id = ANY($2::uuid[])`,
    [workers, households, WORKERS_TOPIC],
  );
}
