import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Outbox, PublicCache } from '@daogang/platform';
import { SearchEngine } from '@daogang/search';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { IndexCursor } from './index-cursor.entity.js';
import { INDEX_DEFINITIONS, IndexDefinition } from './index-definition.js';
import { outboxHead, readOutbox, RecentOutboxRows } from './outbox-reader.js';

const PAGE = 5000;
export const INDEXING_ROLE = Symbol('INDEXING_ROLE');
export type IndexingRole = 'api' | 'worker';
const SHARED_CONSUMER = 'shared-engine';

/**
 * Keeps this process's search indexes in step with PostgreSQL. With the embedded engine every API process runs one:
 * it builds each index from the database at start, then tails the outbox (nudged through Redis, polling as a
 * fallback), so every process applies every update and a process that starts later catches up by itself.
 */
@Injectable()
export class IndexSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IndexSyncService.name);
  private cursor = '0';
  private timer?: NodeJS.Timeout;
  private subscriber?: Redis;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly topics: Map<string, IndexDefinition>;
  private readonly recent = new RecentOutboxRows();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: SearchEngine,
    @Inject(INDEX_DEFINITIONS) private readonly definitions: IndexDefinition[],
    private readonly config: AppConfig,
    private readonly outbox: Outbox,
    @Inject(INDEXING_ROLE) private readonly role: IndexingRole,
    private readonly cache: PublicCache,
  ) {
    this.topics = new Map(definitions.map((d) => [d.topic, d]));
  }

  /** Whether this process tails the outbox into its own in-process engine. */
  get tailsInProcess(): boolean {
    return this.role === 'api' && this.config.searchIndexer === 'process';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.tailsInProcess) return; // a shared engine is kept by the worker app's search-index queue
    // The cursor is taken before the build: whatever changes during the build is applied again afterwards.
    this.cursor = await outboxHead(this.dataSource);
    for (const definition of this.definitions) await this.rebuild(definition);
    this.timer = setInterval(() => void this.sync(), 1000);
    this.timer.unref();
    this.subscriber = new Redis(this.config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.reindexChannel) void this.rebuildByName(message);
      else void this.sync();
    });
    this.subscriber.on('error', () => undefined); // polling covers for Redis being away
    await this.subscriber.connect().then(() => this.subscriber!.subscribe(this.outbox.channel, this.reindexChannel)).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
    await this.running;
  }

  get reindexChannel(): string {
    return `${this.config.REDIS_PREFIX}:reindex`;
  }

  definition(index: string): IndexDefinition | undefined {
    return this.definitions.find((d) => d.index === index);
  }

  async rebuildByName(index: string): Promise<number> {
    const definition = this.definition(index);
    if (!definition) throw new Error(`unknown index ${index}`);
    return this.rebuild(definition);
  }

  /**
   * The shared-engine indexer (worker app, `search-index` queue): applies the outbox after the stored cursor, under a
   * row lock so two worker replicas never apply concurrently. The first run builds every index from the database.
   */
  async syncShared(): Promise<{ cursor: string }> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(IndexCursor);
      await repo.createQueryBuilder().insert().values({ consumer: SHARED_CONSUMER, lastId: '-1' }).orIgnore().execute();
      const cursor = await repo.findOneOrFail({ where: { consumer: SHARED_CONSUMER }, lock: { mode: 'pessimistic_write' } });
      if (cursor.lastId === '-1') {
        this.cursor = await outboxHead(this.dataSource);
        for (const definition of this.definitions) await this.rebuild(definition);
      } else {
        this.cursor = cursor.lastId;
      }
      await this.applyOnce();
      await repo.update({ consumer: SHARED_CONSUMER }, { lastId: this.cursor });
      return { cursor: this.cursor };
    });
  }

  /** Outbox rows older than the cursors of every consumer can go; a week is far beyond any catch-up. */
  async pruneOutbox(olderThanDays: number): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM outbox_events WHERE created_at < now() - make_interval(days => $1)`,
      [olderThanDays],
    );
    return Number(deleted ?? 0);
  }

  /** Builds the index aside from the database, then swaps it in: searches never see a half-built index. */
  async rebuild(definition: IndexDefinition): Promise<number> {
    const aside = `${definition.index}__next`;
    await this.engine.dropIndex(aside);
    await this.engine.ensureIndex(aside, definition.settings);
    let afterId: string | null = null;
    let count = 0;
    for (;;) {
      const page = await definition.loadPage(this.dataSource.manager, afterId, PAGE);
      if (!page.length) break;
      await this.engine.upsert(aside, page);
      count += page.length;
      afterId = String(page[page.length - 1][definition.settings.primaryKey]);
    }
    await this.engine.ensureIndex(definition.index, definition.settings);
    await this.engine.swap(definition.index, aside);
    await this.engine.dropIndex(aside);
    // Every answer built on this index may have changed: lists (`jobs`) and pages (`jobs:*`).
    this.cache.invalidate([definition.index, `${definition.index}:*`]);
    this.logger.log(`index ${definition.index}: ${count} documents`);
    return count;
  }

  /** Applies what the outbox holds after the cursor; concurrent calls coalesce into one more pass. */
  sync(): Promise<void> {
    if (this.stopped || !this.tailsInProcess) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.applyOnce();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn(`index sync failed, will retry: ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async applyOnce(): Promise<void> {
    for (;;) {
      const batch = await readOutbox(this.dataSource, this.cursor, [...this.topics.keys()], undefined, undefined, this.recent);
      for (const [topic, keys] of batch.keys) {
        const definition = this.topics.get(topic)!;
        const ids = [...keys];
        const docs = await definition.load(this.dataSource.manager, ids);
        const present = new Set(docs.map((d) => String(d[definition.settings.primaryKey])));
        if (docs.length) await this.engine.upsert(definition.index, docs);
        const gone = ids.filter((id) => !present.has(id));
        if (gone.length) await this.engine.delete(definition.index, gone);
        // The public answers built on these documents (PublicCache): every list, and each changed one's page.
        this.cache.invalidate([definition.index, ...ids.map((id) => `${definition.index}:${id}`)]);
      }
      this.recent.applied(batch.fresh);
      const advanced = batch.lastId !== this.cursor;
      this.cursor = batch.lastId;
      if (!advanced || batch.rows < 5000) return;
    }
  }
}
