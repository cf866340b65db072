import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { beijingDay } from '@daogang/platform';
import type { DataSource } from 'typeorm';
import { DELETE_DAY, PENDING_REPORT_CHANGES, REPORT_FOLD, REPORT_FOLD_LOCK, REPORT_RECOUNT, SNAPSHOT_DAY } from './report-summary.sql.js';

export interface ReportFoldResult {
  /** Change rows applied (0: the summary was up to date). */
  changes: number;
  ms: number;
}

export interface CountRow {
  countyCode: string;
  township: string;
  village: string;
  metric: string;
  n: number;
}

/**
 * Keeps the report summary in step (report-summary.sql.ts): the reports fold before they read, so they count every
 * change committed before the request; the worker folds every minute so that a dashboard after a busy import does not
 * wait, and takes the day's snapshot at 23:50 Beijing time.
 */
@Injectable()
export class ReportSummaryService {
  private readonly logger = new Logger(ReportSummaryService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fold(): Promise<ReportFoldResult> {
    const started = performance.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ pending }]: Array<{ pending: boolean }> = await runner.query(PENDING_REPORT_CHANGES);
      if (!pending) return { changes: 0, ms: performance.now() - started };
      await runner.query(`SELECT pg_advisory_lock(${REPORT_FOLD_LOCK})`);
      try {
        const [{ changes }]: Array<{ changes: number }> = await runner.query(REPORT_FOLD);
        const ms = performance.now() - started;
        if (changes > 10_000) this.logger.log(`report summary: ${changes} changes folded in ${Math.round(ms)} ms`);
        return { changes, ms };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${REPORT_FOLD_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  /** The day's snapshot of the county counts, after a fold (a retry replaces the day's rows). Answers the rows written. */
  async snapshot(day = beijingDay()): Promise<number> {
    await this.fold();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(DELETE_DAY, [day]);
      await manager.query(SNAPSHOT_DAY, [day]);
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM report_daily WHERE day = $1::date', [day]);
      return n;
    });
  }

  /**
   * Builds the summary afresh from the base tables (after a restore, or if the figures are ever in doubt): the counted
   * tables are locked against writers for the moment it takes, the pending changes dropped with the old counts.
   */
  async rebuild(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${REPORT_FOLD_LOCK})`);
      await manager.query('LOCK TABLE workers, households, follow_ups, follow_up_cases, applications IN SHARE ROW EXCLUSIVE MODE');
      await manager.query('TRUNCATE report_changes, report_counts, report_county_counts');
      await manager.query(`INSERT INTO report_counts (county_code, township, village, metric, n) ${REPORT_RECOUNT}`);
      await manager.query('INSERT INTO report_county_counts (county_code, metric, n) SELECT county_code, metric, sum(n) FROM report_counts GROUP BY 1, 2');
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM report_counts');
      return n;
    });
  }

  /** The summary as it stands (non-zero rows), in key order. */
  async counts(): Promise<CountRow[]> {
    return toRows(await this.dataSource.query(
      `SELECT county_code, township, village, metric, n FROM report_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4`,
    ));
  }

  /** Everything counted afresh from the base tables, in key order: what `counts()` must equal after a fold. */
  async recount(): Promise<CountRow[]> {
    return toRows(await this.dataSource.query(`SELECT * FROM (${REPORT_RECOUNT}) r ORDER BY 1, 2, 3, 4`));
  }
}

function toRows(rows: Array<Record<string, string>>): CountRow[] {
  return rows.map((r) => ({ countyCode: r.county_code, township: r.township, village: r.village, metric: r.metric, n: Number(r.n) }));
}
