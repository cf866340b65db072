import { COUNTERS, FOLLOW_UP_CLASSES, FOLLOW_UP_DAYS, RETENTION_DAYS } from '@daogang/followup';
import type { DataSource } from 'typeorm';

/**
 * The summary against a recomputation written independently of the fold's SQL: every placement's row from
 * applications and follow_ups (one follow-up at a time: its class and how many days after arrival it is due), and
 * every daily row from the placement rows. Differences are counted (0 and 0: equal).
 */
export async function checkSummary(ds: DataSource): Promise<{ ok: boolean; placementRows: number; placementDiffs: number; dailyRows: number; dailyDiffs: number }> {
  const days = FOLLOW_UP_DAYS.join(',');
  const followUpColumns = FOLLOW_UP_CLASSES.flatMap((c) =>
    FOLLOW_UP_DAYS.map((d) => `count(f.id) FILTER (WHERE f.class = '${c}' AND f.lag <= ${d} AND f.lag IN (${days}))::int AS ${c}_within_${d}`),
  );
  const expected = `
    SELECT a.id AS application_id, coalesce(a.arrived_on, a.start_date) AS placed_on, a.arrived_on, a.employer_id,
           (SELECT u.id FROM users u WHERE u.id = a.created_by AND u.role = 'broker') AS broker_id,
           a.worker_county_code AS origin_county, a.work_county_code AS destination_county, a.category::text AS category,
           1 AS placements, CASE WHEN a.arrived_on IS NULL THEN 0 ELSE 1 END AS arrived,
           ${RETENTION_DAYS.map((n) => `CASE WHEN a.left_on IS NOT NULL AND a.left_on - a.arrived_on < ${n} THEN 1 ELSE 0 END AS left_within_${n}`).join(', ')},
           ${followUpColumns.join(', ')},
           count(f.id) FILTER (WHERE f.lag NOT IN (${days}))::int AS irregular
      FROM applications a
      LEFT JOIN LATERAL (
        SELECT f.id, f.due_on - a.arrived_on AS lag,
               CASE WHEN f.status = 'done' THEN 'done' WHEN f.status = 'overdue' THEN 'overdue' ELSE 'open' END AS class
          FROM follow_ups f WHERE f.application_id = a.id AND f.status <> 'cancelled' AND a.arrived_on IS NOT NULL
      ) f ON true
     WHERE a.status IN ('placed', 'arrived', 'left') AND coalesce(a.arrived_on, a.start_date) IS NOT NULL
     GROUP BY a.id`;
  const stored = `SELECT application_id, placed_on, arrived_on, employer_id, broker_id, origin_county, destination_county, category::text AS category,
           ${COUNTERS.map((c) => `${c}::int AS ${c}`).join(', ')} FROM retention_placements`;
  const [p] = await ds.query(`
    WITH e AS MATERIALIZED (${expected}), s AS MATERIALIZED (${stored})
    SELECT (SELECT count(*)::int FROM s) AS rows,
           (SELECT count(*)::int FROM (SELECT * FROM e EXCEPT ALL SELECT * FROM s) x) + (SELECT count(*)::int FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM e) y) AS diffs`);
  const sums = COUNTERS.map((c) => `sum(p.${c})::int AS ${c}`).join(', ');
  const [d] = await ds.query(`
    WITH e AS MATERIALIZED (
      SELECT d.dim::text AS dim, d.key::text AS key, p.placed_on, ${sums}
        FROM retention_placements p
       CROSS JOIN LATERAL (VALUES ('employer', p.employer_id::text), ('broker', coalesce(p.broker_id::text, '')), ('origin', p.origin_county::text),
                                  ('destination', coalesce(p.destination_county::text, '')), ('category', p.category::text), ('all', '')) d(dim, key)
       GROUP BY 1, 2, 3),
    s AS MATERIALIZED (SELECT dim::text AS dim, key::text AS key, placed_on, ${COUNTERS.map((c) => `${c}::int AS ${c}`).join(', ')}
                         FROM retention_daily WHERE placements <> 0)
    SELECT (SELECT count(*)::int FROM s) AS rows,
           (SELECT count(*)::int FROM (SELECT * FROM e EXCEPT ALL SELECT * FROM s) x) + (SELECT count(*)::int FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM e) y) AS diffs`);
  const [zeros] = await ds.query(`SELECT count(*)::int AS n FROM retention_daily WHERE placements = 0 AND (${COUNTERS.map((c) => `${c} <> 0`).join(' OR ')})`);
  return { ok: p.diffs === 0 && d.diffs === 0 && zeros.n === 0, placementRows: p.rows, placementDiffs: p.diffs, dailyRows: d.rows, dailyDiffs: d.diffs + zeros.n };
}
