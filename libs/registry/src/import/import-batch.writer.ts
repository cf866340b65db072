import { Logger } from '@nestjs/common';
import { PiiCipher } from '@daogang/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { refreshHouseholds } from '../households/household-counts.js';
import { WORKERS_TOPIC } from '../workers/worker-topics.js';
import { EMPLOYED_STATUSES, EmploymentStatus } from '../workers/employment-status.js';
import { HEADER_OF } from './import-columns.js';
import { mergeWorker, newWorker, NewWorker, PreparedRow, WorkerState, WorkerWrite } from './import-record.js';
import {
  ADVANCE_IMPORT, ANNOUNCE_HOUSEHOLDS, INSERT_ERRORS, INSERT_HOUSEHOLDS, INSERT_WORKERS, LOCK_HOUSEHOLDS, LOCK_WORKERS,
  PEEK_WORKERS, UPDATE_WORKERS,
} from './import.sql.js';
import type { RowProblem } from './row-parser.js';

/** The error report keeps this many problems per import; the counters keep counting past it. */
export const ERROR_REPORT_CAP = 10_000;

/** One data row of the file in a batch: valid and prepared, or its problems. `ordinal` counts non-blank data rows. */
export interface BatchItem {
  ordinal: number;
  prepared?: PreparedRow;
  problems?: RowProblem[];
}

export interface Batch {
  items: BatchItem[];
  /** processed_rows once this batch is committed (the checkpoint). */
  upTo: number;
}

export interface Counters {
  inserted: number;
  updated: number;
  unchanged: number;
  failedRows: number;
  errorCount: number;
}

/** Who the import acts as (fixed at upload). */
export interface ImportActor {
  importId: string;
  createdBy: string;
  /** Counties the rows may belong to; undefined = all (admin). */
  counties?: ReadonlySet<string>;
  statusNote: string;
}

const EMPLOYED = new Set<string>(EMPLOYED_STATUSES);

interface NewHousehold {
  registration_no: string;
  county_code: string;
  township: string;
  village: string;
  registered_poor: boolean;
  labourer_count: number;
  employed_count: number;
  zero_employment: boolean;
}

const ROW_LEVEL_SQLSTATE = /^(22|23|P0)/; // data exceptions, integrity violations, raised by a trigger or function
const RETRYABLE_SQLSTATE = new Set(['40001', '40P01']); // serialization failure, deadlock

/**
 * Writes one batch in ONE transaction: households, new and changed workers, status rows, the households' derived
 * counts, the batch's row errors and the checkpoint. If the database refuses the batch because of one row, it is
 * written again row by row, each row its own transaction, so that row is reported and the others land: a row is
 * written whole or not at all.
 */
export class ImportBatchWriter {
  private readonly logger = new Logger(ImportBatchWriter.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly actor: ImportActor,
    /** Committed totals so far; advanced after each commit. */
    readonly totals: Counters,
  ) {}

  /**
   * `after`: the previous batch's write. This batch does all its work meanwhile but commits only after it, so the
   * checkpoint (processed_rows) only ever moves forward over committed rows.
   */
  async write(batch: Batch, after?: Promise<unknown>): Promise<void> {
    try {
      await this.commit(batch, after);
    } catch (e) {
      if (!isRowLevel(e) || !batch.items.some((i) => i.prepared)) throw e;
      this.logger.warn(`import ${this.actor.importId}: batch up to row ${batch.upTo} refused (${(e as Error).message}); retrying row by row`);
      await this.rowByRow(batch, after);
    }
  }

  private async rowByRow(batch: Batch, after?: Promise<unknown>): Promise<void> {
    let pending: BatchItem[] = [];
    for (const item of batch.items) {
      pending.push(item);
      if (!item.prepared) continue;
      const sub: Batch = { items: pending, upTo: item.ordinal };
      pending = [];
      try {
        await this.commit(sub, after);
      } catch (e) {
        if (!isRowLevel(e)) throw e;
        const problem: RowProblem = { rowNumber: item.prepared.row.rowNumber, column: '', message: `写入数据库失败：${describe(e)}` };
        await this.commit({ items: sub.items.map((i) => (i === item ? { ordinal: i.ordinal, problems: [problem] } : i)), upTo: sub.upTo }, after);
      }
    }
    await this.commit({ items: pending, upTo: batch.upTo }, after);
  }

  /** One transaction, retried on deadlock or serialization failure. */
  private async commit(batch: Batch, after?: Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const delta = await this.dataSource.transaction((manager) => this.apply(manager, batch, after));
        for (const k of Object.keys(delta) as Array<keyof Counters>) this.totals[k] += delta[k];
        return;
      } catch (e) {
        if (attempt >= 3 || !RETRYABLE_SQLSTATE.has(sqlState(e) ?? '')) throw e;
      }
    }
  }

  private async apply(manager: EntityManager, batch: Batch, after?: Promise<unknown>): Promise<Counters> {
    const delta: Counters = { inserted: 0, updated: 0, unchanged: 0, failedRows: 0, errorCount: 0 };
    const problems: RowProblem[] = [];
    const reject = (p: PreparedRow, key: 'idNumber' | 'householdNo', message: string) => {
      problems.push({ rowNumber: p.row.rowNumber, column: HEADER_OF(key), message });
      delta.failedRows++;
    };
    let rows: PreparedRow[] = [];
    for (const item of batch.items) {
      if (item.prepared) rows.push(item.prepared);
      else if (item.problems?.length) {
        problems.push(...item.problems);
        delta.failedRows++;
      }
    }

    if (rows.length) {
      // Workers registered already: those of counties the importer does not keep are not touched, and those whose
      // fingerprint is the row's are unchanged (nothing read, locked or written for them).
      const peek: Array<Pick<WorkerState, 'id_number_hash' | 'household_id' | 'home_county_code' | 'import_hash'>> =
        await manager.query(PEEK_WORKERS, [rows.map((p) => p.idHash)]);
      const known = new Map(peek.map((w) => [w.id_number_hash, w]));
      const existing = new Map<string, WorkerState>();
      rows = rows.filter((p) => {
        const w = known.get(p.idHash);
        if (!w) return true;
        if (!this.mayWrite(w.home_county_code)) {
          reject(p, 'idNumber', '该身份证号已在其他县登记，请联系户籍所在县的劳务经纪人核实');
          return false;
        }
        if (w.import_hash !== p.fingerprint) return true;
        delta.unchanged++;
        return false;
      });
      const changing = rows.filter((p) => known.has(p.idHash));
      if (changing.length) {
        // Households first, then workers: the lock order of every member change.
        await this.lockHouseholds(manager, rows, changing.map((p) => known.get(p.idHash)!));
        const locked: WorkerState[] = await manager.query(LOCK_WORKERS, [changing.map((p) => p.idHash)]);
        for (const w of locked) existing.set(w.id_number_hash, w);
      }
      const households = await this.ensureHouseholds(manager, rows, existing);

      const inserts: NewWorker[] = [];
      const updates: Array<WorkerWrite & { changed: boolean; from_status: string }> = [];
      const touched = new Set<string>();
      for (const p of rows) {
        const no = p.row.householdNo;
        const household = no ? households.get(no) : undefined;
        if (no && household?.county_code !== p.row.countyCode) {
          reject(p, 'householdNo', `户编号 ${no} 属于其他县，请核对`);
          continue;
        }
        const current = existing.get(p.idHash);
        if (!current) {
          const w = newWorker(p, household?.id ?? null, this.pii);
          inserts.push(w);
          if (household && !household.created) touched.add(household.id);
          delta.inserted++;
          continue;
        }
        if (current.import_hash === p.fingerprint) {
          delta.unchanged++;
          continue;
        }
        const { next, changed } = mergeWorker(current, p, household?.id, this.pii);
        updates.push({ ...next, changed, from_status: current.employment_status });
        if (changed) {
          delta.updated++;
          if (current.household_id) touched.add(current.household_id);
          if (household && !household.created) touched.add(household.id);
        } else delta.unchanged++;
      }
      // New and changed workers are announced to the search index by the same statements (outbox, this transaction).
      const note = this.actor.statusNote;
      if (inserts.length) await manager.query(INSERT_WORKERS, [JSON.stringify(inserts), this.actor.createdBy, note, WORKERS_TOPIC]);
      if (updates.length) await manager.query(UPDATE_WORKERS, [JSON.stringify(updates), this.actor.createdBy, note, WORKERS_TOPIC]);
      if (touched.size) {
        // Households created by this batch were inserted with their counts; the others are derived again, and their
        // members announced (the zero-employment flag is in the index).
        await refreshHouseholds(manager, [...touched]);
        await manager.query(ANNOUNCE_HOUSEHOLDS, [[...touched], WORKERS_TOPIC]);
      }
    }

    await after?.catch(() => {
      throw new EarlierBatchFailedError(); // commit in file order: not past a batch that did not land
    });
    delta.errorCount = problems.length;
    const room = Math.max(0, ERROR_REPORT_CAP - this.totals.errorCount);
    if (problems.length && room > 0) {
      const kept = problems.slice(0, room).map((p) => ({ row_number: p.rowNumber, column_name: p.column, message: p.message }));
      await manager.query(INSERT_ERRORS, [this.actor.importId, JSON.stringify(kept)]);
    }
    await manager.query(ADVANCE_IMPORT, [
      this.actor.importId, batch.upTo, delta.inserted, delta.updated, delta.unchanged, delta.failedRows, delta.errorCount,
    ]);
    return delta;
  }

  private async lockHouseholds(manager: EntityManager, rows: PreparedRow[], workers: Array<{ household_id: string | null }>): Promise<void> {
    const numbers = [...new Set(rows.map((p) => p.row.householdNo).filter((n): n is string => !!n))];
    const ids = [...new Set(workers.map((w) => w.household_id).filter((id): id is string => !!id))];
    if (numbers.length || ids.length) await manager.query(LOCK_HOUSEHOLDS, [numbers, ids]);
  }

  /**
   * Creates the batch's new households (户编号 not seen before) with their labourer and employed counts and the
   * zero-employment flag already right (their members are all in this batch), and returns every household of
   * the batch, locked; `created` marks those this batch inserted.
   */
  private async ensureHouseholds(
    manager: EntityManager,
    rows: PreparedRow[],
    existing: Map<string, WorkerState>,
  ): Promise<Map<string, { id: string; county_code: string; created: boolean }>> {
    const wanted = new Map<string, NewHousehold>();
    for (const p of rows) {
      const { row } = p;
      if (!row.householdNo) continue;
      let h = wanted.get(row.householdNo);
      if (!h) {
        h = {
          registration_no: row.householdNo, county_code: row.countyCode, township: row.township ?? '', village: row.village ?? '',
          registered_poor: false, labourer_count: 0, employed_count: 0, zero_employment: false,
        };
        wanted.set(row.householdNo, h);
      }
      if (h.county_code !== row.countyCode) continue; // refused below: the household belongs to another county
      const status = row.employmentStatus ?? existing.get(p.idHash)?.employment_status ?? EmploymentStatus.NotEmployed;
      h.registered_poor ||= row.registeredPoor ?? false;
      h.labourer_count++;
      if (EMPLOYED.has(status)) h.employed_count++;
      h.zero_employment = h.employed_count === 0;
    }
    if (!wanted.size) return new Map();
    const created: Array<{ registration_no: string }> = await manager.query(INSERT_HOUSEHOLDS, [JSON.stringify([...wanted.values()])]);
    const isNew = new Set(created.map((h) => h.registration_no));
    const locked: Array<{ id: string; registration_no: string; county_code: string }> = await manager.query(LOCK_HOUSEHOLDS, [[...wanted.keys()], []]);
    return new Map(locked.map((h) => [h.registration_no, { ...h, created: isNew.has(h.registration_no) }]));
  }

  private mayWrite(countyCode: string): boolean {
    return !this.actor.counties || this.actor.counties.has(countyCode);
  }
}

/** The batch before this one failed: this one rolls back too (the job retries from the last checkpoint). */
class EarlierBatchFailedError extends Error {
  constructor() {
    super('an earlier batch of the import failed');
  }
}

function sqlState(e: unknown): string | undefined {
  if (!(e instanceof QueryFailedError)) return undefined;
  return (e as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
}

function isRowLevel(e: unknown): boolean {
  return ROW_LEVEL_SQLSTATE.test(sqlState(e) ?? '');
}

/** A Chinese reason for the error report; the database's own text goes to the log, not to the broker. */
function describe(e: unknown): string {
  const code = sqlState(e) ?? '';
  if (code === '23505') return '与已有数据重复（可能正被其他导入同时写入），请稍后重新导入该行';
  if (code === '22001') return '有字段超过长度限制';
  if (code.startsWith('23')) return '数据不符合完整性约束';
  if (code.startsWith('22')) return '数据格式不正确';
  return '数据库拒绝了该行';
}
