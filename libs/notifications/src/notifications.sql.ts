/**
 * The SQL of the inbox and the SMS outbox, in one place so reviewers see what runs. Recording takes a whole batch as
 * one JSON parameter (json_to_recordset): one statement per table, whatever the number of recipients. Rows go in
 * dedupe_key order, so two transactions recording overlapping messages cannot deadlock on the unique index.
 * Indexes: notifications.dedupe_key and sms_messages.dedupe_key (unique), sms_messages (status, created_at).
 */

/** $1 = [{user_id, dedupe_key, template, title, body, link}]. An existing dedupe_key is skipped, not an error. */
export const INSERT_INBOX = `
INSERT INTO notifications (user_id, dedupe_key, template, title, body, link)
SELECT v.user_id, v.dedupe_key, v.template, v.title, v.body, v.link
  FROM json_to_recordset($1::json) AS v(user_id uuid, dedupe_key varchar, template varchar, title varchar, body varchar, link varchar)
 ORDER BY v.dedupe_key
ON CONFLICT (dedupe_key) DO NOTHING`;

/** $1 = [{dedupe_key, user_id, worker_id, mobile_encrypted, mobile_masked, template, params, body}]; RETURNING = the new rows only. */
export const INSERT_SMS = `
INSERT INTO sms_messages (dedupe_key, user_id, worker_id, mobile_encrypted, mobile_masked, template, params, body)
SELECT v.dedupe_key, v.user_id, v.worker_id, v.mobile_encrypted, v.mobile_masked, v.template, v.params, v.body
  FROM json_to_recordset($1::json) AS v(dedupe_key varchar, user_id uuid, worker_id uuid, mobile_encrypted text,
       mobile_masked varchar, template varchar, params jsonb, body varchar)
 ORDER BY v.dedupe_key
ON CONFLICT (dedupe_key) DO NOTHING
RETURNING id`;

/**
 * Claims one SMS before the provider is called: only a pending or failed row moves to `sending`, so a duplicated or
 * retried job finds nothing to claim once the message is sending, sent or unknown. $1 = id.
 */
export const CLAIM_SMS = `
UPDATE sms_messages SET status = 'sending', attempts = attempts + 1, updated_at = now()
 WHERE id = $1 AND status IN ('pending', 'failed')
RETURNING id, mobile_encrypted, template, params, body, attempts`;

/** $1 = id, $2 = provider, $3 = provider message id. A late answer for a row the sweeper gave up on still counts. */
export const MARK_SMS_SENT = `
UPDATE sms_messages SET status = 'sent', provider = $2, provider_message_id = $3, sent_at = now(), error = '', updated_at = now()
 WHERE id = $1 AND status IN ('sending', 'unknown')`;

/** $1 = id, $2 = 'failed' | 'unknown', $3 = error, $4 = provider. Only the claim holder's row (still `sending`). */
export const MARK_SMS_NOT_SENT = `
UPDATE sms_messages SET status = $2, error = left($3, 300), provider = $4, updated_at = now()
 WHERE id = $1 AND status = 'sending'`;

/**
 * Rows left in `sending` (the worker died between the claim and the answer) become `unknown`: the SMS may have been
 * delivered, so they are never resent automatically. $1 = age (interval), $2 = error text.
 */
export const MARK_STUCK_SMS_UNKNOWN = `
UPDATE sms_messages SET status = 'unknown', error = $2, updated_at = now()
 WHERE status = 'sending' AND updated_at < now() - $1::interval
RETURNING id`;

/** Pending or failed rows nobody has touched for a while, with attempts left. $1 = max attempts, $2 = age, $3 = limit. */
export const SELECT_STALE_SMS = `
SELECT id FROM sms_messages
 WHERE status IN ('pending', 'failed') AND attempts < $1 AND updated_at < now() - $2::interval
 ORDER BY created_at
 LIMIT $3`;
