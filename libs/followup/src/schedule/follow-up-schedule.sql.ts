/**
 * The SQL of the follow-up schedule, in one place so reviewers see what runs (and bench/followup measures it).
 *
 * Creation tails the outbox topic `placements.arrived` from a cursor row in `index_cursors`, locked FOR UPDATE in the
 * transaction that inserts the follow-ups and advances it: a crash before commit redoes the batch, after commit never
 * repeats it, and (application_id, day_offset) is unique, so a batch done twice inserts nothing twice.
 *
 * The scan moves rows forward with one statement per batch: pick the oldest rows of one status under FOR UPDATE SKIP
 * LOCKED (a concurrent scan takes other rows), UPDATE them on the condition that they still have that status, and
 * RETURNING what the notifications need. Index: follow_ups_scan_idx (status, due_on) — each step is a range scan of it
 * in due_on order, stopped by the LIMIT; applications, workers and employers are joined by primary key per row.
 * A follow-up whose placement has ended (the application is no longer `arrived`) is cancelled when a step reaches it.
 */

/** Name of the cursor row (index_cursors.consumer, at most 32 characters). */
export const FOLLOW_UP_CURSOR = 'followup-schedule';

/** The cursor starts at 0: every arrival still in the outbox gets its follow-ups. $1 = consumer. */
export const ENSURE_CURSOR = `
INSERT INTO index_cursors (consumer, last_id) VALUES ($1, 0)
ON CONFLICT (consumer) DO NOTHING`;

/** Held until commit: two runs (two worker replicas, a retry next to a stalled job) never work at once. $1 = consumer. */
export const LOCK_CURSOR = `
SELECT last_id::text AS last_id FROM index_cursors WHERE consumer = $1 FOR UPDATE`;

/** $1 = consumer, $2 = last outbox id applied. */
export const ADVANCE_CURSOR = `
UPDATE index_cursors SET last_id = $2::bigint, updated_at = now() WHERE consumer = $1`;

/**
 * Arrivals (and ends) of placements after the cursor, oldest first. Index: outbox_events_topic_id_idx (topic, id).
 * $1 = topics, $2 = cursor, $3 = limit.
 */
export const ARRIVALS_AFTER = `
SELECT id::text AS id, topic, key FROM outbox_events
 WHERE topic = ANY($1::text[]) AND id > $2::bigint
 ORDER BY id
 LIMIT $3`;

/**
 * Arrivals at or below the cursor written in the last $3 seconds, read again once per run: transactions commit out of
 * id order, so a lower id can become visible after the cursor passed it. Doing one twice inserts nothing.
 * $1 = topic, $2 = cursor, $3 = seconds.
 */
export const RECENT_ARRIVALS = `
SELECT topic, key FROM outbox_events
 WHERE topic = ANY($1::text[]) AND id <= $2::bigint AND created_at > now() - make_interval(secs => $3)`;

/** Follow-ups still open of placements that ended (left, withdrawn): nobody is to be visited or reminded any more. */
export const CANCEL_ENDED = `
UPDATE follow_ups SET status = 'cancelled', updated_at = now()
 WHERE application_id = ANY($1::uuid[]) AND status IN ('scheduled', 'due', 'overdue')`;

/**
 * The follow-ups of arrived placements: one per day of the programme (`local` when the job is in the worker's home
 * county), due `arrived_on + day` (both Beijing days). The broker is the application's creator when a broker created it,
 * else the longest-serving active broker of the worker's county, else none. Applications are share-locked in id order:
 * a leaving flow (which locks the application to change it) waits for these rows and cancels them, or comes first and
 * this statement skips the application. $1 = application ids, $2 = {"default": [days], "local": [days], …}.
 */
export const INSERT_FOLLOW_UPS = `
WITH arrived AS MATERIALIZED (
  SELECT a.id, a.worker_id, a.worker_county_code, a.arrived_on, a.created_by,
         CASE WHEN a.work_county_code = a.worker_county_code THEN 'local' ELSE 'default' END AS programme
    FROM applications a
   WHERE a.id = ANY($1::uuid[]) AND a.status = 'arrived' AND a.arrived_on IS NOT NULL
   ORDER BY a.id
     FOR SHARE OF a
)
INSERT INTO follow_ups (application_id, worker_id, county_code, broker_id, programme, day_offset, due_on)
SELECT ar.id, ar.worker_id, ar.worker_county_code, coalesce(creator.id, county_broker.id), ar.programme, d.day, ar.arrived_on + d.day
  FROM arrived ar
 CROSS JOIN LATERAL (SELECT value::int AS day FROM jsonb_array_elements_text($2::jsonb -> ar.programme)) d
  LEFT JOIN users creator ON creator.id = ar.created_by AND creator.role = 'broker' AND creator.status = 'active'
  LEFT JOIN LATERAL (
    SELECT u.id FROM user_counties uc JOIN users u ON u.id = uc.user_id
     WHERE uc.county_code = ar.worker_county_code AND u.role = 'broker' AND u.status = 'active'
     ORDER BY u.created_at, u.id
     LIMIT 1
  ) county_broker ON true
 ORDER BY ar.id, d.day
ON CONFLICT (application_id, day_offset) DO NOTHING
RETURNING id`;

/** What every step answers about the rows it moved: enough for the notices, without a second round trip. */
const DESCRIBE_MOVED = `
SELECT m.id, m.status, m.application_id, m.broker_id, m.county_code, m.day_offset, m.due_on::text AS due_on,
       w.id AS worker_id, w.name, w.user_id, w.mobile_encrypted, w.mobile_masked, w.mobile_hash,
       e.name AS employer, b.display_name AS broker_name
  FROM moved m
  JOIN workers w ON w.id = m.worker_id
  JOIN employers e ON e.id = m.employer_id
  LEFT JOIN users b ON b.id = m.broker_id`;

/**
 * One step: lock the batch (the index range, oldest first), then update exactly those rows by primary key
 * (`= ANY(ARRAY(…))` keeps the planner on the primary key: a join with the batch could hash the whole table), on the
 * condition `still` (the step's status, re-checked); the application says whether the placement still runs.
 * `range` selects from follow_ups_scan_idx; $2 = batch size, $3 = the scan's instant.
 */
function step(range: string, still: string, set: string): string {
  return `
WITH batch AS MATERIALIZED (
  SELECT f.id FROM follow_ups f
   WHERE ${range}
   ORDER BY f.due_on
   LIMIT $2
     FOR UPDATE SKIP LOCKED
), moved AS (
  UPDATE follow_ups f
     SET ${set}, updated_at = now()
    FROM applications a
   WHERE f.id = ANY (ARRAY(SELECT id FROM batch)) AND ${still} AND a.id = f.application_id
  RETURNING f.id, f.status, f.application_id, f.worker_id, f.broker_id, f.county_code, f.day_offset, f.due_on, a.employer_id
)${DESCRIBE_MOVED}`;
}

/** scheduled → due, for rows due on or before $1 (today). */
export const PROMOTE_DUE = step(
  `f.status = 'scheduled' AND f.due_on <= $1::date`,
  `f.status = 'scheduled'`,
  `status = CASE WHEN a.status = 'arrived' THEN 'due' ELSE 'cancelled' END,
         promoted_at = CASE WHEN a.status = 'arrived' THEN $3::timestamptz ELSE f.promoted_at END`,
);

/** due → overdue, for rows due before $1 (today − grace days). */
export const MARK_OVERDUE = step(
  `f.status = 'due' AND f.due_on < $1::date`,
  `f.status = 'due'`,
  `status = CASE WHEN a.status = 'arrived' THEN 'overdue' ELSE 'cancelled' END,
         overdue_at = CASE WHEN a.status = 'arrived' THEN $3::timestamptz ELSE f.overdue_at END`,
);

/**
 * Overdue since before $4 (the start of the Beijing day `today − escalate days + 1`) and not escalated yet: escalated_at
 * is set (the status stays `overdue` until a visit). $1 = today − grace − escalate days narrows the index range (a row
 * overdue that long was due before it).
 */
export const ESCALATE_OVERDUE = step(
  `f.status = 'overdue' AND f.due_on < $1::date AND f.escalated_at IS NULL AND f.overdue_at < $4::timestamptz`,
  `f.status = 'overdue' AND f.escalated_at IS NULL`,
  `status = CASE WHEN a.status = 'arrived' THEN 'overdue' ELSE 'cancelled' END,
         escalated_at = CASE WHEN a.status = 'arrived' THEN $3::timestamptz END`,
);

/** The active officers of the counties. $1 = county codes. */
export const OFFICERS_OF_COUNTIES = `
SELECT uc.county_code, u.id
  FROM user_counties uc JOIN users u ON u.id = uc.user_id
 WHERE uc.county_code = ANY($1::char(6)[]) AND u.role = 'officer' AND u.status = 'active'
 ORDER BY uc.county_code, u.id`;

/** The placement ended: its open follow-ups go (done ones stay in the ledger). $1 = application id. */
export const CANCEL_FOR_APPLICATION = `
UPDATE follow_ups SET status = 'cancelled', updated_at = now()
 WHERE application_id = $1 AND status IN ('scheduled', 'due', 'overdue')
RETURNING id`;
