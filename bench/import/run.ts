import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { dataSourceOptions, PiiCipher, Role } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import { SCHEMA } from '@daogang/schema';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { mapHeaders } from '../../libs/registry/src/import/import-columns.js';
import { newWorker, prepareRow } from '../../libs/registry/src/import/import-record.js';
import { ImportOutcome, ImportProgress, ImportRunner } from '../../libs/registry/src/import/import-runner.service.js';
import { RowParser } from '../../libs/registry/src/import/row-parser.js';
import { testConfig } from '../../test/support/config.js';
import { createTestDatabase, TestDatabase } from '../../test/support/database.js';
import { copyFromStdin } from './copy-in.js';
import { csvLine, LEDGER_COUNTIES, LEDGER_HEADER, ledgerRow } from './ledger.js';

/**
 * bench/import: generates realistic worker ledgers (CSV, every template column filled) of 10k, 50k and 100k rows
 * and imports each end to end through ImportRunner — the code the queue job runs — into a fresh database:
 * stored upload → count → stream, parse, validate, hash, encrypt → batched upserts, households, status history.
 * Beside it, in the same run, PostgreSQL `COPY … FROM STDIN` of the same rows (the same worker columns, values
 * encrypted beforehand) into `bench_copy (LIKE workers INCLUDING ALL)`: the same indexes and constraints.
 *
 * Memory: peak RSS as the OS sees it during the import (sampled every 100 ms), and the live heap (heap used right
 * after a full GC at every batch, in a separate pass so the timed import is undisturbed). Run with --expose-gc.
 *
 *   npm run bench:import                          (BENCH_IMPORT_ROWS=10000,50000,100000 by default)
 */
const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '10000,50000,100000').split(',').map(Number);
const TARGET_ROWS_PER_S = 5000;
const TARGET_COPY_RATIO = 0.25;
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;
const POOL_SIZE = 4;
const WARM_UP_ROWS = 5000;

interface Figures {
  rows: number;
  nodeCpuUsPerRow: number;
  pgCpuUsPerRow?: number;
  copyPgCpuUsPerRow?: number;
  fileMb: number;
  seconds: number;
  rowsPerS: number;
  reimportRowsPerS: number;
  copyRowsPerS: number;
  rssBeforeMb: number;
  peakRssMb: number;
  liveHeapBeforeMb?: number;
  liveHeapPeakMb?: number;
}

async function writeLedger(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('\uFEFF' + csvLine(LEDGER_HEADER));
  for (let i = 0; i < rows; i++) if (!out.write(csvLine(ledgerRow(i)))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** The upload as the API stores it: the file in worker_imports. */
async function storeUpload(ds: DataSource, path: string, name: string): Promise<string> {
  const file = await readFile(path);
  const [{ id }] = await ds.query(
    `INSERT INTO worker_imports (created_by, actor_role, actor_counties, file_name, format, encoding, file_size, file_sha256, file)
     VALUES ($1, $2, $3, $4, 'csv', 'utf-8', $5, $6, $7) RETURNING id`,
    [randomUUID(), Role.Broker, LEDGER_COUNTIES, name, file.length, createHash('sha256').update(file).digest('hex'), file],
  );
  return id;
}

/**
 * CPU seconds used so far by these PostgreSQL backends (utime + stime from /proc; the server is local). On a shared
 * machine wall-clock rates move with everyone else's load; CPU per row does not, so it is printed beside them.
 */
function backendCpuSeconds(pids: number[]): number | undefined {
  try {
    let ticks = 0;
    for (const pid of pids) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return undefined;
  }
}

/** Opens every connection of the pool and returns their backend pids. */
async function poolPids(ds: DataSource, size: number): Promise<number[]> {
  const pids = await Promise.all(Array.from({ length: size }, () => ds.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')));
  return [...new Set(pids.map(([r]) => Number(r.pid)))];
}

/**
 * Stores the upload, then runs the job: timed from the upload's INSERT to the job's end. RSS is sampled while the
 * job runs (the upload is the API's request, and here the bench's own copy of the file).
 */
async function timedImport(ds: DataSource, runner: ImportRunner, path: string, name: string, pids: number[]) {
  const started = performance.now();
  const id = await storeUpload(ds, path, name);
  const storeSeconds = (performance.now() - started) / 1000;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const pgBefore = backendCpuSeconds(pids);
  const cpuBefore = process.cpuUsage();
  const jobStarted = performance.now();
  try {
    const outcome = check(await runner.run(id));
    const seconds = storeSeconds + (performance.now() - jobStarted) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const pgAfter = backendCpuSeconds(pids);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return {
      outcome, seconds, rssBefore, peakRss,
      nodeCpuSeconds: (cpu.user + cpu.system) / 1e6,
      pgCpuSeconds: pgBefore !== undefined && pgAfter !== undefined ? pgAfter - pgBefore : undefined,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The same import again on a fresh database, with a full GC after every batch: how much stays alive. */
async function liveHeap(size: number, path: string): Promise<{ before: number; peak: number } | undefined> {
  if (!gc) return undefined;
  return withDatabase(async (ds, runner) => {
    const id = await storeUpload(ds, path, `ledger-${size}-memory.csv`);
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    check(await runner.run(id, (_: ImportProgress) => {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }));
    return { before, peak };
  });
}

function check(outcome: ImportOutcome): ImportOutcome {
  if (outcome.status !== 'completed' || outcome.failedRows) throw new Error(`import did not complete cleanly: ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The same rows as COPY text for the worker columns the import writes, values encrypted beforehand. */
function copyChunks(rows: number, pii: PiiCipher, regions: RegionsService): { columns: string[]; chunks: Buffer[] } {
  const header = mapHeaders(LEDGER_HEADER);
  if ('error' in header) throw new Error(header.error);
  const parser = new RowParser(header, { isCounty: (c) => regions.isCounty(c), countiesNamed: () => [], mayWrite: () => true });
  const escape = (v: unknown): string => {
    if (v === null || v === undefined) return '\\N';
    if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  };
  let columns: string[] = [];
  const chunks: Buffer[] = [];
  let text = '';
  for (let i = 0; i < rows; i++) {
    const { row } = parser.parse(i + 2, ledgerRow(i));
    const w = { ...newWorker(prepareRow(row!, pii), randomUUID(), pii), source: 'import', version: 1 } as Record<string, unknown>;
    if (!columns.length) columns = Object.keys(w);
    text += columns.map((c) => escape(w[c])).join('\t') + '\n';
    if (text.length > 1 << 20) {
      chunks.push(Buffer.from(text));
      text = '';
    }
  }
  chunks.push(Buffer.from(text));
  return { columns, chunks };
}

/**
 * COPY of the same rows into a fresh `LIKE workers INCLUDING ALL` table, twice; the faster run counts (the
 * conservative choice for the ratio on a machine shared with other work).
 */
async function copyRate(db: TestDatabase, rows: number, pii: PiiCipher, regions: RegionsService): Promise<{ rowsPerS: number; pgCpuSeconds?: number }> {
  const { columns, chunks } = copyChunks(rows, pii, regions);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
    let best: { rowsPerS: number; pgCpuSeconds?: number } | undefined;
    for (let run = 1; run <= 2; run++) {
      await client.query('DROP TABLE IF EXISTS bench_copy');
      await client.query('CREATE TABLE bench_copy (LIKE workers INCLUDING ALL)');
      const pgBefore = backendCpuSeconds([pid]);
      const started = performance.now();
      const copied = await copyFromStdin(client, `COPY bench_copy (${columns.join(', ')}) FROM STDIN`, chunks);
      const seconds = (performance.now() - started) / 1000;
      const pgAfter = backendCpuSeconds([pid]);
      if (copied !== rows) throw new Error(`COPY wrote ${copied} of ${rows} rows`);
      const result = { rowsPerS: rows / seconds, pgCpuSeconds: pgBefore !== undefined && pgAfter !== undefined ? pgAfter - pgBefore : undefined };
      if (!best || result.rowsPerS > best.rowsPerS) best = result;
    }
    return best!;
  } finally {
    await client.end();
  }
}

async function withDatabase<T>(work: (ds: DataSource, runner: ImportRunner, db: TestDatabase, pii: PiiCipher, regions: RegionsService) => Promise<T>): Promise<T> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, { DATABASE_POOL_SIZE: POOL_SIZE });
  const options = dataSourceOptions(config, SCHEMA);
  // Connections kept open for the whole run, so the CPU of their backends can be read from /proc.
  const ds = new DataSource({ ...options, extra: { ...(options.extra as object), idleTimeoutMillis: 0 } } as typeof options);
  await ds.initialize();
  const pii = new PiiCipher(config);
  const regions = new RegionsService();
  try {
    return await work(ds, new ImportRunner(ds, pii, regions), db, pii, regions);
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

async function measure(size: number, dir: string): Promise<Figures> {
  const path = join(dir, `ledger-${size}.csv`);
  await writeLedger(path, size);
  const fileMb = mb((await stat(path)).size);
  const timed = await withDatabase(async (ds, runner, db, pii, regions) => {
    const pids = await poolPids(ds, POOL_SIZE);
    const first = await timedImport(ds, runner, path, `ledger-${size}.csv`, pids);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM workers');
    if (n !== size) throw new Error(`imported ${n} of ${size} workers`);
    const again = await timedImport(ds, runner, path, `ledger-${size}-again.csv`, pids);
    if (again.outcome.unchanged !== size) throw new Error(`re-import: ${JSON.stringify(again.outcome)}`);
    return { first, again, copy: await copyRate(db, size, pii, regions) };
  });
  const live = await liveHeap(size, path);
  return {
    rows: size,
    fileMb,
    seconds: timed.first.seconds,
    rowsPerS: size / timed.first.seconds,
    reimportRowsPerS: size / timed.again.seconds,
    copyRowsPerS: timed.copy.rowsPerS,
    nodeCpuUsPerRow: (timed.first.nodeCpuSeconds * 1e6) / size,
    ...(timed.first.pgCpuSeconds !== undefined ? { pgCpuUsPerRow: (timed.first.pgCpuSeconds * 1e6) / size } : {}),
    ...(timed.copy.pgCpuSeconds !== undefined ? { copyPgCpuUsPerRow: (timed.copy.pgCpuSeconds * 1e6) / size } : {}),
    rssBeforeMb: mb(timed.first.rssBefore),
    peakRssMb: mb(timed.first.peakRss),
    ...(live ? { liveHeapBeforeMb: mb(live.before), liveHeapPeakMb: mb(live.peak) } : {}),
  };
}

function report(results: Figures[]): string {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISS');
  const lines = [
    `bench/import — ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, node ${process.version}`,
    `${pad('rows', 7)} ${pad('file MB', 8)} ${pad('import s', 9)} ${pad(`rows/s (≥${TARGET_ROWS_PER_S})`, 16)} ${pad('COPY rows/s', 12)} `
      + `${pad(`ratio (≥${TARGET_COPY_RATIO})`, 14)} ${pad('re-import rows/s', 17)} ${pad('RSS before→peak MB', 19)} ${pad('live heap before→peak MB', 25)}`,
  ];
  for (const r of results) {
    const ratio = r.rowsPerS / r.copyRowsPerS;
    lines.push(
      `${pad(r.rows, 7)} ${pad(r.fileMb.toFixed(1), 8)} ${pad(r.seconds.toFixed(2), 9)} `
        + `${pad(`${Math.round(r.rowsPerS)} ${verdict(r.rowsPerS >= TARGET_ROWS_PER_S)}`, 16)} ${pad(Math.round(r.copyRowsPerS), 12)} `
        + `${pad(`${ratio.toFixed(2)} ${verdict(ratio >= TARGET_COPY_RATIO)}`, 14)} ${pad(Math.round(r.reimportRowsPerS), 17)} `
        + `${pad(`${r.rssBeforeMb.toFixed(0)}→${r.peakRssMb.toFixed(0)}`, 19)} `
        + `${pad(r.liveHeapPeakMb !== undefined ? `${r.liveHeapBeforeMb!.toFixed(0)}→${r.liveHeapPeakMb.toFixed(0)}` : 'n/a (--expose-gc)', 25)}`,
    );
  }
  lines.push('CPU per row, which other load on the machine does not move (the import runs Node and PostgreSQL side by side, '
    + 'so on two free cores its rate is set by the busier of the two):');
  for (const r of results) {
    const bound = Math.max(r.nodeCpuUsPerRow, r.pgCpuUsPerRow ?? 0);
    const cpuRatio = r.copyPgCpuUsPerRow !== undefined ? ` → CPU ratio ${(r.copyPgCpuUsPerRow / bound).toFixed(2)}` : '';
    lines.push(`  ${pad(r.rows, 7)}: import Node ${r.nodeCpuUsPerRow.toFixed(0)} µs + PostgreSQL ${r.pgCpuUsPerRow?.toFixed(0) ?? '?'} µs `
      + `(≈ ${Math.round(1e6 / bound)} rows/s CPU-bound); COPY PostgreSQL ${r.copyPgCpuUsPerRow?.toFixed(0) ?? '?'} µs${cpuRatio}`);
  }
  if (results.length > 1 && results.every((r) => r.liveHeapPeakMb !== undefined)) {
    const growth = (r: Figures) => r.liveHeapPeakMb! - r.liveHeapBeforeMb!;
    const first = results[0];
    const last = results[results.length - 1];
    lines.push(
      `memory (target: flat as the file grows — streamed, not loaded whole): live heap grows ${results.map((r) => `+${growth(r).toFixed(1)}`).join(' / ')} MB `
        + `for ${results.map((r) => r.rows / 1000 + 'k').join(' / ')} rows (${(last.rows / first.rows).toFixed(0)}× the rows, ${(last.fileMb / first.fileMb).toFixed(0)}× the file); `
        + `peak RSS ${results.map((r) => r.peakRssMb.toFixed(0)).join(' / ')} MB`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  Logger.overrideLogger(['warn', 'error']);
  const dir = await mkdtemp(join(tmpdir(), 'daogang-import-bench-'));
  const results: Figures[] = [];
  try {
    // Warm-up (not reported): the first import of a fresh process runs cold code; every size is measured warm.
    const warmUp = join(dir, 'ledger-warm-up.csv');
    await writeLedger(warmUp, WARM_UP_ROWS);
    await withDatabase(async (ds, runner) => check(await runner.run(await storeUpload(ds, warmUp, 'warm-up.csv'))));
    for (const size of SIZES) {
      results.push(await measure(size, dir));
      process.stderr.write(`  ${size} rows done\n`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.stdout.write(report(results) + '\n');
}

await main();
