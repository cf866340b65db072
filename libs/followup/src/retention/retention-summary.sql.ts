/**
 * The fold: what keeps the retention summary in step (RetentionSummaryService.fold runs FOLD under an advisory lock,
 * so one fold at a time; being one statement, it sees one snapshot of the changes and of the base rows).
 *
 * Writers never touch the summary. Triggers on applications and follow_ups (migration AddRetentionSummary) append to
 * `retention_changes` in the writer's own transaction: a row without a class asks for the placement to be recomputed
 * (an application entered, left or changed its dimensions or dates); a row with one says that n follow-ups of the
 * placement due on a day now count (+n) or no longer count (−n) under that class. A scan promoting scheduled → due
 * changes no class (both are "open") and appends nothing.
 *
 * Indexes: retention_placements' primary key (application_id) for every placement touched; follow_ups_one_per_day
 * (application_id, day_offset) for a recomputed placement's follow-ups; applications' primary key; retention_daily's
 * (dim, key, placed_on) for the upsert. retention_changes is read whole (it holds only what is waiting).
 */
import { COUNTERS, FOLLOW_UP_CLASSES, FOLLOW_UP_COUNTERS, FOLLOW_UP_DAYS, RETENTION_DAYS } from './retention-days.js';

const PLACEMENT_STATUSES = `('placed', 'arrived', 'left')`;
const DAYS = FOLLOW_UP_DAYS.join(', ');
/** follow_ups.status → the class it counts under (cancelled: none). */
export const STATUS_CLASS_SQL = (status: string) =>
  `CASE ${status} WHEN 'done' THEN 'done' WHEN 'overdue' THEN 'overdue' WHEN 'scheduled' THEN 'open' WHEN 'due' THEN 'open' END`;

/** `<class>_within_<D>`: the class, and the due day one of the programme days up to D after arrival (cumulative). */
function followUpFilters(aggregate: string, classOf: string, lag: string): string {
  const columns = FOLLOW_UP_CLASSES.flatMap((c) =>
    FOLLOW_UP_DAYS.map((d, i) => `${aggregate} FILTER (WHERE ${classOf} = '${c}' AND ${lag} IN (${FOLLOW_UP_DAYS.slice(0, i + 1).join(', ')})) AS ${c}_within_${d}`),
  );
  return [...columns, `${aggregate} FILTER (WHERE ${lag} NOT IN (${DAYS})) AS irregular`].join(',\n         ');
}

/** Each placement row counts once under every dimension of the daily summary. */
const DIMENSIONS = `CROSS JOIN LATERAL (VALUES
    ('employer', p.employer_id::text), ('broker', coalesce(p.broker_id::text, '')), ('origin', p.origin_county::text),
    ('destination', coalesce(p.destination_county::text, '')), ('category', p.category::text), ('all', '')
  ) d(dim, key)`;

const DIMENSION_COLUMNS = ['placed_on', 'employer_id', 'broker_id', 'origin_county', 'destination_county', 'category'];
const PLACEMENT_COLUMNS = ['application_id', 'arrived_on', ...DIMENSION_COLUMNS, ...COUNTERS];
const FOLLOW_UP_AND_IRREGULAR = [...FOLLOW_UP_COUNTERS, 'irregular'];

/**
 * A placement's row computed from its application and follow-ups: placed_on is the arrival day (the agreed start day
 * before arrival); the broker is the application's creator when a broker created it; its follow-ups (read through
 * follow_ups_one_per_day, one placement at a time) count from arrival.
 */
const RECOMPUTE = `
  SELECT a.id AS application_id, a.arrived_on, coalesce(a.arrived_on, a.start_date) AS placed_on, a.employer_id, b.id AS broker_id,
         a.worker_county_code AS origin_county, a.work_county_code AS destination_county, a.category,
         1 AS placements, (a.arrived_on IS NOT NULL)::int AS arrived,
         ${RETENTION_DAYS.map((n) => `coalesce((a.left_on - a.arrived_on < ${n})::int, 0) AS left_within_${n}`).join(', ')},
         ${FOLLOW_UP_AND_IRREGULAR.map((c) => `coalesce(f.${c}, 0) AS ${c}`).join(', ')}
    FROM marked m
    JOIN applications a ON a.id = m.application_id
    LEFT JOIN users b ON b.id = a.created_by AND b.role = 'broker'
    LEFT JOIN LATERAL (
      SELECT ${followUpFilters('count(*)', STATUS_CLASS_SQL('f.status'), 'f.due_on - a.arrived_on')}
        FROM follow_ups f
       WHERE f.application_id = a.id AND f.status <> 'cancelled'
    ) f ON a.arrived_on IS NOT NULL
   WHERE a.status IN ${PLACEMENT_STATUSES} AND coalesce(a.arrived_on, a.start_date) IS NOT NULL`;

/**
 * The fold, one statement (one snapshot): take the changes (deleting exactly the rows it saw: a change committed
 * meanwhile stays for the next fold); placements asked for are computed again (`fresh`), replacing their row (`old`),
 * or dropped when no longer a placement; the other placements' follow-up deltas are added to their row (`touched`);
 * the daily rows get fresh − old + touched, in (dim, key, placed_on) order. Answers how many changes it applied.
 */
export const FOLD = `
WITH ch AS (
  DELETE FROM retention_changes RETURNING application_id, due_on, status_class, delta
),
marked AS (
  SELECT DISTINCT application_id FROM ch WHERE status_class IS NULL
),
old AS (
  SELECT r.* FROM marked m JOIN retention_placements r ON r.application_id = m.application_id
),
fresh AS (${RECOMPUTE}
),
gone AS (
  DELETE FROM retention_placements r
   USING marked m
   WHERE r.application_id = m.application_id
     AND NOT EXISTS (SELECT 1 FROM applications a
                      WHERE a.id = r.application_id AND a.status IN ${PLACEMENT_STATUSES} AND coalesce(a.arrived_on, a.start_date) IS NOT NULL)
),
upserted AS (
  INSERT INTO retention_placements (${PLACEMENT_COLUMNS.join(', ')})
  SELECT ${PLACEMENT_COLUMNS.join(', ')} FROM fresh
  ON CONFLICT (application_id) DO UPDATE SET
    ${PLACEMENT_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}
),
delta AS (
  SELECT c.application_id,
         ${followUpFilters('sum(c.delta)', 'c.status_class', 'c.due_on - r.arrived_on')}
    FROM ch c
    JOIN retention_placements r ON r.application_id = c.application_id
   WHERE r.arrived_on IS NOT NULL
   GROUP BY c.application_id
  HAVING NOT bool_or(c.status_class IS NULL)
),
touched AS (
  UPDATE retention_placements r SET
         ${FOLLOW_UP_AND_IRREGULAR.map((c) => `${c} = r.${c} + coalesce(d.${c}, 0)`).join(',\n         ')}
    FROM delta d
   WHERE r.application_id = d.application_id
  RETURNING ${DIMENSION_COLUMNS.map((c) => `r.${c}`).join(', ')},
            ${COUNTERS.map((c) => (FOLLOW_UP_AND_IRREGULAR.includes(c) ? `coalesce(d.${c}, 0) AS ${c}` : `0 AS ${c}`)).join(', ')}
),
changed AS (
  SELECT ${DIMENSION_COLUMNS.join(', ')}, ${COUNTERS.join(', ')} FROM fresh
  UNION ALL
  SELECT ${DIMENSION_COLUMNS.join(', ')}, ${COUNTERS.map((c) => `-${c}`).join(', ')} FROM old
  UNION ALL
  SELECT ${DIMENSION_COLUMNS.join(', ')}, ${COUNTERS.join(', ')} FROM touched
),
daily AS (
  INSERT INTO retention_daily (dim, key, placed_on, ${COUNTERS.join(', ')})
  SELECT d.dim, d.key, p.placed_on, ${COUNTERS.map((c) => `sum(p.${c})`).join(', ')}
    FROM changed p
    ${DIMENSIONS}
   GROUP BY d.dim, d.key, p.placed_on
  HAVING ${COUNTERS.map((c) => `sum(p.${c}) <> 0`).join(' OR ')}
   ORDER BY d.dim, d.key, p.placed_on
  ON CONFLICT (dim, key, placed_on) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = retention_daily.${c} + excluded.${c}`).join(', ')}
  RETURNING 1
)
SELECT (SELECT count(*) FROM ch)::int AS changes, (SELECT count(*) FROM daily)::int AS daily_rows`;

/** Changes waiting for a fold (cheap: the table holds only what changed since the last one). */
export const PENDING_CHANGES = `SELECT EXISTS (SELECT 1 FROM retention_changes) AS pending`;

/** Key of the fold's advisory lock (one fold at a time, across API processes). */
export const FOLD_LOCK = 'hashtext(\'retention-fold\')';
