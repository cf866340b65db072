import { setImmediate as nextTurn } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PiiCipher, Role } from '@daogang/platform';
import { DataSource } from 'typeorm';
import { RegionsService } from '../regions/regions.service.js';
import { WorkerImport } from './entities/worker-import.entity.js';
import { Batch, BatchItem, Counters, ImportBatchWriter } from './import-batch.writer.js';
import { HEADER_OF } from './import-columns.js';
import { countDataRows, fileSlices, locateHeader, sheetRecords } from './import-file.js';
import { prepareRow, seal } from './import-record.js';
import { RowParser } from './row-parser.js';
import type { SheetRecord } from './sheet/sheet-record.js';
import { SheetFormatError } from './sheet/sheet-record.js';

/** Rows per transaction. */
export const IMPORT_BATCH_ROWS = 1000;
/** Batches being written at once (each on its own connection; commits stay in file order). */
const BATCHES_IN_FLIGHT = 2;
/** The parse loop lets the event loop run this often, so the batch in flight progresses while the next is prepared. */
const YIELD_EVERY_ROWS = 16;

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportOutcome extends Counters {
  status: WorkerImport['status'];
  totalRows: number;
  processedRows: number;
}

/** The file itself cannot be imported (no header, a required column missing, not readable): retrying will not help. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export class ImportNotFoundError extends Error {
  constructor(importId: string) {
    super(`worker import ${importId} not found`);
    this.name = 'ImportNotFoundError';
  }
}

/**
 * Runs one import: counts the rows, then streams the stored file row by row (parse, validate, hash and encrypt)
 * while the previous batch is written, and commits the counters with every batch. Idempotent: a finished import
 * is not run again; a retried job resumes after the committed checkpoint; and the upsert keyed on the ID number
 * skips rows whose fingerprint is unchanged, so re-importing a file changes nothing.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly regions: RegionsService,
  ) {}

  async run(importId: string, onProgress: (p: ImportProgress) => unknown = () => undefined): Promise<ImportOutcome> {
    const repo = this.dataSource.getRepository(WorkerImport);
    const found = await repo.findOneBy({ id: importId });
    if (!found) throw new ImportNotFoundError(importId);
    if (found.status === 'completed' || found.status === 'failed') return outcome(found);
    await this.dataSource.query(
      `UPDATE worker_imports SET status = 'running', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1`,
      [importId],
    );
    const started = performance.now();
    try {
      let total = found.totalRows;
      if (total === null) {
        total = await countDataRows(fileSlices(this.dataSource, importId), found.format, found.encoding);
        await this.dataSource.query('UPDATE worker_imports SET total_rows = $2 WHERE id = $1', [importId, total]);
      }
      await onProgress({ done: found.processedRows, total });
      const processed = await this.process(found, total, onProgress);
      await this.dataSource.query(
        `UPDATE worker_imports SET status = 'completed', total_rows = $2, finished_at = now(), file = NULL, updated_at = now()
          WHERE id = $1`,
        [importId, processed],
      );
      const done = await repo.findOneByOrFail({ id: importId });
      const seconds = (performance.now() - started) / 1000;
      this.logger.log(`import ${importId}: ${processed} rows in ${seconds.toFixed(1)} s (${Math.round(processed / seconds)} rows/s); `
        + `${done.inserted} new, ${done.updated} updated, ${done.unchanged} unchanged, ${done.failedRows} failed`);
      return outcome(done);
    } catch (e) {
      if (e instanceof SheetFormatError) {
        await this.fail(importId, e.message);
        throw new ImportFileError(e.message);
      }
      throw e;
    }
  }

  /** Marks the import failed for good and drops the stored file. */
  async fail(importId: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE worker_imports SET status = 'failed', error = $2, finished_at = now(), file = NULL, updated_at = now()
        WHERE id = $1 AND status <> 'completed'`,
      [importId, message.slice(0, 2000)],
    );
  }

  private async process(imp: WorkerImport, total: number, onProgress: (p: ImportProgress) => unknown): Promise<number> {
    const counties = imp.actorRole === Role.Admin ? undefined : new Set(imp.actorCounties);
    const writer = new ImportBatchWriter(
      this.dataSource,
      this.pii,
      { importId: imp.id, createdBy: imp.createdBy, counties, statusNote: `批量导入：${imp.fileName}`.slice(0, 200) },
      { inserted: imp.inserted, updated: imp.updated, unchanged: imp.unchanged, failedRows: imp.failedRows, errorCount: imp.errorCount },
    );
    const { header, rows } = await locateHeader(sheetRecords(fileSlices(this.dataSource, imp.id), imp.format, imp.encoding));
    if (header.warnings.length) {
      await this.dataSource.query('UPDATE worker_imports SET warnings = $2 WHERE id = $1', [imp.id, header.warnings]);
    }
    const parser = new RowParser(header, {
      isCounty: (code) => this.regions.isCounty(code),
      countiesNamed: (name) => this.regions.findByName(name).filter((r) => r.countyLevel).map((r) => r.code),
      mayWrite: (code) => !counties || counties.has(code),
    });

    const checkpoint = imp.processedRows;
    /** First row of each ID number in the file: a later row with the same number is an error, not a second write. */
    const firstRowOf = new FirstRows();
    let ordinal = 0;
    let items: BatchItem[] = [];
    // Up to two batches in the database while the next is prepared; each commits after the one before it.
    const inflight: Array<Promise<void>> = [];
    const send = async (batch: Batch) => {
      if (inflight.length >= BATCHES_IN_FLIGHT) await inflight.shift();
      const previous = inflight[inflight.length - 1];
      const flush = (async () => {
        await writer.write(batch, previous);
        await onProgress({ done: batch.upTo, total: Math.max(total, batch.upTo) });
      })();
      flush.catch(() => undefined); // awaited when its turn comes or at the end
      inflight.push(flush);
    };

    try {
      for (let r = await rows.next(); !r.done; r = await rows.next()) {
        ordinal++;
        const item = this.item(parser, firstRowOf, r.value, ordinal, ordinal > checkpoint);
        if (ordinal <= checkpoint) continue; // committed by an earlier attempt; read again for the duplicate check
        items.push(item);
        if (items.length >= IMPORT_BATCH_ROWS) {
          await send({ items, upTo: ordinal });
          items = [];
        }
        if (ordinal % YIELD_EVERY_ROWS === 0) await nextTurn();
      }
      if (items.length) await send({ items, upTo: ordinal });
      for (const flush of inflight) await flush;
    } catch (e) {
      await Promise.allSettled(inflight); // no transaction left running behind a failed job
      throw e;
    } finally {
      await rows.return?.(undefined);
    }
    return Math.max(ordinal, checkpoint);
  }

  /**
   * One data row: its problems, or the row prepared for writing (hashed, fingerprinted and, when it is to be
   * written, encrypted: this runs while the previous batches are in the database, so the AES work overlaps them).
   */
  private item(parser: RowParser, firstRowOf: FirstRows, record: SheetRecord, ordinal: number, write: boolean): BatchItem {
    const { row, problems } = parser.parse(record.rowNumber, record.values);
    if (!row) return { ordinal, problems };
    const first = firstRowOf.get(row.id.value);
    if (first !== undefined) {
      return { ordinal, problems: [{ rowNumber: row.rowNumber, column: HEADER_OF('idNumber'), message: `与第${first}行身份证号重复` }] };
    }
    firstRowOf.set(row.id.value, row.rowNumber);
    if (!write) return { ordinal };
    const prepared = prepareRow(row, this.pii);
    seal(prepared, this.pii);
    return { ordinal, prepared };
  }
}

/**
 * Row numbers by ID number, kept as numbers (county code → the 11 digits after it; the check character follows
 * from them). Strings split from the file's text would be slices that keep whole 1 MB chunks of it alive.
 */
class FirstRows {
  private readonly byRegion = new Map<number, Map<number, number>>();

  get(id: string): number | undefined {
    return this.byRegion.get(digits(id, 0, 6))?.get(digits(id, 6, 17));
  }

  set(id: string, rowNumber: number): void {
    const region = digits(id, 0, 6);
    let rows = this.byRegion.get(region);
    if (!rows) this.byRegion.set(region, (rows = new Map()));
    rows.set(digits(id, 6, 17), rowNumber);
  }
}

/** The number the decimal digits id[from, to) spell (at most 15 digits: exact in a double). */
function digits(id: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (id.charCodeAt(i) - 48);
  return n;
}

function outcome(imp: WorkerImport): ImportOutcome {
  return {
    status: imp.status,
    totalRows: imp.totalRows ?? 0,
    processedRows: imp.processedRows,
    inserted: imp.inserted,
    updated: imp.updated,
    unchanged: imp.unchanged,
    failedRows: imp.failedRows,
    errorCount: imp.errorCount,
  };
}
