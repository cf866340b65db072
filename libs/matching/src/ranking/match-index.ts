import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxHead, readOutbox, RecentOutboxRows } from '@daogang/indexing';
import { beijingDay } from '@daogang/platform';
import { WORKERS_TOPIC } from '@daogang/registry';
import type { DataSource } from 'typeorm';
import { scanCandidates, type CandidateRanking, type MatchScope } from './candidate-scan.js';
import type { OrderFacts } from './match-facts.js';
import { loadWorkerFacts, loadWorkerFactsPage } from './match-facts.sql.js';
import { MatchStore } from './match-store.js';
import { MATCH_WEIGHTS, type MatchWeights } from './match-weights.js';
import { PlaceRelations } from './place-relations.js';
import { MatchIndexNotReadyError } from './ranking.errors.js';

const PAGE = 10_000;
const OUTBOX_BATCH = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MatchIndexStats {
  /** Workers in the index. */
  workers: number;
  /** Not placed and in an available status. */
  available: number;
  placed: number;
  counties: number;
  /** Columns and bitmaps, bytes. */
  bytes: number;
  /** Last full build: workers loaded and seconds taken. */
  build?: { workers: number; seconds: number };
}

/**
 * Every worker's matching features in this API process (match-store.ts), for ranking candidates of a job order among
 * all of them in tens of milliseconds. Built from PostgreSQL at start, streamed in pages of 10,000; then kept fresh by
 * tailing the outbox topic `search.workers` every second — the registry records it on every worker change and the
 * applications service on every move into or out of a placement, arrival and leaving, so placements and tenure
 * reach the index the same way.
 */
@Injectable()
export class MatchIndex implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchIndex.name);
  private store: MatchStore | null = null;
  private scratch = new Uint8Array(0);
  private cursor = '0';
  private readonly recent = new RecentOutboxRows();
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private syncing: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastBuild?: { workers: number; seconds: number };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly places: PlaceRelations,
    @Inject(MATCH_WEIGHTS) private readonly weights: MatchWeights,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.build();
    this.timer = setInterval(() => void this.sync(), 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => undefined);
  }

  get ready(): boolean {
    return this.store !== null;
  }

  /**
   * Loads every worker into a new store and swaps it in; the old one (if any) serves until then. The outbox cursor is
   * taken first, so whatever changes during the build is applied again afterwards.
   */
  build(): Promise<{ workers: number; seconds: number }> {
    return this.exclusive(async () => {
      const started = performance.now();
      const cursor = await outboxHead(this.dataSource);
      const store = new MatchStore();
      const today = beijingDay();
      // The next page is asked for before this one is applied: PostgreSQL reads while this process indexes.
      let next = loadWorkerFactsPage(this.dataSource, null, PAGE, today);
      for (;;) {
        const page = await next;
        if (!page.length) break;
        next = loadWorkerFactsPage(this.dataSource, page[page.length - 1].id, PAGE, today);
        store.apply(page);
      }
      this.store = store;
      this.cursor = cursor;
      this.lastBuild = { workers: store.present.size, seconds: (performance.now() - started) / 1000 };
      this.logger.log(`match index: ${this.lastBuild.workers} workers in ${this.lastBuild.seconds.toFixed(1)} s`);
      return this.lastBuild;
    });
  }

  /** Applies the outbox after the cursor; concurrent calls coalesce into one more pass. */
  sync(): Promise<void> {
    if (this.stopped || !this.store) return Promise.resolve();
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = this.exclusive(async () => {
      try {
        do {
          this.again = false;
          await this.applyOutbox();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn(`match index sync failed, will retry: ${(error as Error).message}`);
      }
    }).finally(() => (this.syncing = null));
    return this.syncing;
  }

  /** Reloads these workers from the database now (what the outbox would do within a second). */
  refresh(workerIds: readonly string[]): Promise<void> {
    return this.exclusive(() => this.reload(workerIds.filter((id) => UUID.test(id))));
  }

  /** Ranked candidates of an order among the workers in scope (candidate-scan.ts). */
  rank(order: OrderFacts, scope: MatchScope, page: { offset: number; limit: number }, today = beijingDay()): CandidateRanking {
    const store = this.store;
    if (!store) throw new MatchIndexNotReadyError();
    if (this.scratch.length < store.columns.size) this.scratch = new Uint8Array(Math.max(store.columns.size * 2, 1024));
    return scanCandidates(store, this.places, this.weights, order, scope, page, today, this.scratch);
  }

  has(workerId: string): boolean {
    return this.store?.has(workerId) ?? false;
  }

  stats(): MatchIndexStats {
    const store = this.store;
    if (!store) return { workers: 0, available: 0, placed: 0, counties: 0, bytes: 0 };
    return {
      workers: store.present.size,
      available: store.statusAvailable.andNotCardinality(store.placed),
      placed: store.placed.size,
      counties: store.byCounty.filter((b) => !b.isEmpty).length,
      bytes: store.bytes,
      ...(this.lastBuild ? { build: this.lastBuild } : {}),
    };
  }

  private async applyOutbox(): Promise<void> {
    for (;;) {
      const batch = await readOutbox(this.dataSource, this.cursor, [WORKERS_TOPIC], OUTBOX_BATCH, undefined, this.recent);
      const ids = [...(batch.keys.get(WORKERS_TOPIC) ?? [])].filter((id) => UUID.test(id));
      if (ids.length) await this.reload(ids);
      this.recent.applied(batch.fresh);
      const advanced = batch.lastId !== this.cursor;
      this.cursor = batch.lastId;
      if (!advanced || batch.rows < OUTBOX_BATCH) return;
    }
  }

  private async reload(ids: string[]): Promise<void> {
    if (!this.store || !ids.length) return;
    const facts = await loadWorkerFacts(this.dataSource, ids, beijingDay());
    const loaded = new Set(facts.map((f) => f.id));
    this.store.apply(facts, ids.filter((id) => !loaded.has(id)));
  }

  /** Build, sync and refresh run one at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
