import type { DataSource } from 'typeorm';

export interface OutboxBatch {
  /** The highest id read: the next cursor. */
  lastId: string;
  /** Changed keys per topic, de-duplicated (without the rows `recent` had already applied). */
  keys: Map<string, Set<string>>;
  rows: number;
  /** Ids of the rows read for the first time: hand them to `RecentOutboxRows.applied` once they are applied. */
  fresh: string[];
}

/**
 * Outbox rows a consumer applied lately. Every read takes the last seconds again (see below); rows already applied
 * need not be applied twice: reloading the same documents each second for the length of the overlap, and evicting
 * the public answers built on them each time.
 */
export class RecentOutboxRows {
  private readonly seen = new Map<string, number>();

  constructor(private readonly keepMs = 60_000) {}

  has(id: string): boolean {
    return this.seen.has(id);
  }

  applied(ids: readonly string[]): void {
    const now = Date.now();
    for (const id of ids) this.seen.set(id, now);
    // Insertion order is time order: the oldest come first.
    for (const [id, at] of this.seen) {
      if (now - at <= this.keepMs) break;
      this.seen.delete(id);
    }
  }
}

/**
 * Reads outbox rows after a cursor. Transactions commit out of id order (a lower id can become visible after a
 * higher one was read), so every read also takes the rows of the last few seconds again; applying an id twice is
 * harmless because documents are always loaded fresh from the database.
 */
export async function readOutbox(
  dataSource: DataSource,
  cursor: string,
  topics: string[],
  limit = 5000,
  overlapSeconds = 5,
  recent?: RecentOutboxRows,
): Promise<OutboxBatch> {
  const rows: Array<{ id: string; topic: string; key: string }> = await dataSource.query(
    `SELECT id::text, topic, key FROM outbox_events
      WHERE topic = ANY($1) AND (id > $2::bigint OR created_at > now() - make_interval(secs => $4))
      ORDER BY id LIMIT $3`,
    [topics, cursor, limit, overlapSeconds],
  );
  const keys = new Map<string, Set<string>>();
  const fresh: string[] = [];
  let lastId = cursor;
  for (const row of rows) {
    if (BigInt(row.id) > BigInt(lastId)) lastId = row.id;
    if (recent?.has(row.id)) continue;
    fresh.push(row.id);
    if (!keys.has(row.topic)) keys.set(row.topic, new Set());
    keys.get(row.topic)!.add(row.key);
  }
  return { lastId, keys, rows: rows.length, fresh };
}

export async function outboxHead(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query('SELECT coalesce(max(id), 0)::text AS id FROM outbox_events');
  return row.id;
}
