import type { EntityManager } from 'typeorm';
import { EMPLOYED_STATUSES } from '../workers/employment-status.js';

/**
 * Locks households before their members change, so concurrent changes to two members of one household
 * serialise and the derived counts never go stale. Call first in the transaction; ids sorted to avoid deadlocks.
 */
export async function lockHouseholds(manager: EntityManager, ids: Array<string | null | undefined>): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))].sort();
  if (unique.length) await manager.query('SELECT id FROM households WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [unique]);
}

/**
 * Recomputes labourer and employed counts and the zero-employment flag (零就业户: has labourers, none employed)
 * of these households, in the caller's transaction.
 */
export async function refreshHouseholds(manager: EntityManager, ids: Array<string | null | undefined>): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return;
  await manager.query(
    `UPDATE households h
        SET labourer_count = s.n, employed_count = s.e, zero_employment = (s.n > 0 AND s.e = 0),
            version = h.version + 1, updated_at = now()
       FROM (SELECT hh.id, count(w.id)::int AS n,
                    count(w.id) FILTER (WHERE w.employment_status = ANY($2::text[]))::int AS e
               FROM households hh LEFT JOIN workers w ON w.household_id = hh.id
              WHERE hh.id = ANY($1::uuid[]) GROUP BY hh.id) s
      WHERE h.id = s.id
        AND (h.labourer_count, h.employed_count, h.zero_employment) IS DISTINCT FROM (s.n, s.e, s.n > 0 AND s.e = 0)`,
    [unique, EMPLOYED_STATUSES],
  );
}
