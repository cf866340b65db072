/**
 * The SQL of the report summary, in one place.
 *
 * Writers never touch report_counts. Statement triggers (migration AddReportSummary) on workers, households,
 * follow_ups, follow_up_cases and applications append ±n per (place, metric) to report_changes in the writer's own
 * transaction, old and new rows cancelling out: editing a worker's skills appends nothing, a status change two rows,
 * an import batch of 1,000 rows a handful. The fold applies them under an advisory lock (one fold at a time), in one
 * statement (one snapshot): it deletes exactly the change rows it saw and adds their sums to report_counts (per
 * village) and report_county_counts (per county), in key order.
 *
 * Indexes: report_counts' and report_county_counts' primary keys for the upserts; report_changes is read whole (it
 * holds only what is waiting).
 */

/** pg_advisory_lock key of the fold (shared with nothing else). */
export const REPORT_FOLD_LOCK = 0x52455054; // 'REPT'

export const PENDING_REPORT_CHANGES = `SELECT EXISTS (SELECT 1 FROM report_changes) AS pending`;

export const REPORT_FOLD = `
WITH ch AS (
  DELETE FROM report_changes RETURNING county_code, township, village, metric, delta
),
by_place AS (
  SELECT county_code, township, village, metric, sum(delta) AS delta FROM ch GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
),
places AS (
  INSERT INTO report_counts AS c (county_code, township, village, metric, n)
  SELECT county_code, township, village, metric, delta FROM by_place ORDER BY 1, 2, 3, 4
  ON CONFLICT (county_code, township, village, metric) DO UPDATE SET n = c.n + EXCLUDED.n
  RETURNING 1
),
counties AS (
  INSERT INTO report_county_counts AS c (county_code, metric, n)
  SELECT county_code, metric, sum(delta) FROM by_place GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
  ON CONFLICT (county_code, metric) DO UPDATE SET n = c.n + EXCLUDED.n
  RETURNING 1
)
SELECT (SELECT count(*) FROM ch)::int AS changes, (SELECT count(*) FROM places)::int AS places, (SELECT count(*) FROM counties)::int AS counties`;

/**
 * Every metric counted afresh from the base tables, as (county_code, township, village, metric, n): what the summary
 * must equal (tests and bench/report compare them), and what the migration fills the summary with.
 */
export const REPORT_RECOUNT = `
SELECT county_code, township, village, metric, sum(n)::bigint AS n FROM (
  SELECT w.home_county_code AS county_code, w.township, w.village, m.metric, sum(m.n) AS n
    FROM workers w
   CROSS JOIN LATERAL (VALUES ('workers', 1), ('status:' || w.employment_status, 1),
                              ('complete', (cardinality(w.missing_fields) = 0)::int), ('score', w.completeness::int)) m(metric, n)
   GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT h.county_code, h.township, h.village, m.metric, sum(m.n)
    FROM households h
   CROSS JOIN LATERAL (VALUES ('households', 1), ('zero_households', h.zero_employment::int)) m(metric, n)
   GROUP BY 1, 2, 3, 4
  UNION ALL
  SELECT f.county_code, '', '', 'overdue', count(*) FROM follow_ups f WHERE f.status = 'overdue' GROUP BY 1
  UNION ALL
  SELECT c.county_code, '', '', 'open_cases', count(*) FROM follow_up_cases c WHERE c.status = 'open' GROUP BY 1
  UNION ALL
  SELECT a.worker_county_code, '', '', 'absorbed:' || a.work_county_code, count(*)
    FROM applications a WHERE a.status = 'arrived' AND a.work_county_code IS NOT NULL GROUP BY 1, 4
) x
GROUP BY 1, 2, 3, 4
HAVING sum(n) <> 0`;

/**
 * The day's snapshot of the county counts: the day's rows replaced (run after DELETE_DAY in one transaction; one
 * statement cannot delete and re-insert the same keys). $1 = day.
 */
export const DELETE_DAY = `DELETE FROM report_daily WHERE day = $1::date`;
export const SNAPSHOT_DAY = `
INSERT INTO report_daily (day, county_code, metric, n)
SELECT $1::date, county_code, metric, n FROM report_county_counts WHERE n <> 0`;
