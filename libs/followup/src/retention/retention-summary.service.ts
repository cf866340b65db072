import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FOLD, FOLD_LOCK, PENDING_CHANGES } from './retention-summary.sql.js';

export interface FoldResult {
  /** Change rows applied (0: the summary was up to date). */
  changes: number;
  ms: number;
}

/**
 * Keeps the retention summary in step: applies what the triggers appended to retention_changes since the last fold.
 * The reports fold before they read, so they count every change committed before the request; the worker may fold
 * more often so that a report after a quiet night does not wait for the night's changes.
 *
 * One fold at a time (a session advisory lock, taken before the fold's statement so its snapshot sees the previous
 * fold's work); the fold itself is one statement, so it agrees with itself on which changes it applies and on the base
 * rows it recomputes from (retention-summary.sql.ts).
 */
@Injectable()
export class RetentionSummaryService {
  private readonly logger = new Logger(RetentionSummaryService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fold(): Promise<FoldResult> {
    const started = performance.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ pending }]: Array<{ pending: boolean }> = await runner.query(PENDING_CHANGES);
      if (!pending) return { changes: 0, ms: performance.now() - started };
      await runner.query(`SELECT pg_advisory_lock(${FOLD_LOCK})`);
      try {
        const [{ changes }]: Array<{ changes: number }> = await runner.query(FOLD);
        const ms = performance.now() - started;
        if (changes > 10_000) this.logger.log(`retention summary: ${changes} changes folded in ${Math.round(ms)} ms`);
        return { changes, ms };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${FOLD_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }
}
