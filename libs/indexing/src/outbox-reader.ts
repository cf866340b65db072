import type { DataSource } from 'typeorm';

export interface OutboxBatch {
  /** The highest id read: the next cursor. */
  lastId: string;
  /** Changed keys per topic, de-duplicated. */
  keys: Map<string, Set<string>>;
  rows: number;
}

/**
 * Reads outbox rows after a cursor. Transactions commit out of id order (a lower id can become visible after a
 * higher one was read), so every read also takes the rows of the last few seconds again; applying an id twice is
 * harmless because documents are always loaded fresh from the database.
 */
export async function readOutbox(dataSource: DataSource, cursor: string, topics: string[], limit = 5000, overlapSeconds = 5): Promise<OutboxBatch> {
  const rows: Array<{ id: string; topic: string; key: string }> = await dataSource.query(
    `SELECT id::text, topic, key FROM outbox_events
      WHERE topic = ANY($1) AND (id > $2::bigint OR created_at > now() - make_interval(secs => $4))
      ORDER BY id LIMIT $3`,
    [topics, cursor, limit, overlapSeconds],
  );
  const keys = new Map<string, Set<string>>();
  let lastId = cursor;
  for (const row of rows) {
    if (!keys.has(row.topic)) keys.set(row.topic, new Set());
    keys.get(row.topic)!.add(row.key);
    if (BigInt(row.id) > BigInt(lastId)) lastId = row.id;
  }
  return { lastId, keys, rows: rows.length };
}

export async function outboxHead(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query('SELECT coalesce(max(id), 0)::text AS id FROM outbox_events');
  return row.id;
}
