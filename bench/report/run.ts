import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { hashPassword } from '@daogang/accounts';
import { addDays, AppConfig, beijingDay, PlatformModule, Role, validateConfig, type AuthUser } from '@daogang/platform';
import { EMPLOYED_STATUSES, RegionsService } from '@daogang/registry';
import { DashboardService, RANK_BY, ReportingModule, ReportSummaryService, type RankBy } from '@daogang/reporting';
import { SCHEMA } from '@daogang/schema';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { DestinationsService } from '../../libs/reporting/src/destinations/destinations.service.js';
import { TargetsService } from '../../libs/reporting/src/targets/targets.service.js';
import { summary, type Summary } from '../search/measure.js';
import { databaseUrl, openDatabase, writeMeta } from '../shared/bench-database.js';
import { checkFigures, compareCounts, compareCountyCounts, type Check } from './verify.js';
import { burst, cleanupBurst, insertBurst, triggerOverhead, undoBursts } from './freshness.js';
import {
  ADMIN_ID, ADMIN_LOGIN, BENCH_PASSWORD, generateWorld, GENERATOR_VERSION, LARGEST, LINXIA, OFFICER_ID, OFFICER_LOGIN, plan,
} from './generate.js';

/**
 * bench/report: issue 9's "Done when" on 2,000,000 workers in their own database (generated once, kept for the next
 * run): every dashboard query at p95 ≤ 100 ms as a service call and ≤ 150 ms over HTTP, and the figures equal to a
 * full recount. Also: a fold after a burst of changes, and what the report triggers add to a 10,000-row UPDATE.
 * See README.md.
 */
const WORKERS = Number(process.env.BENCH_REPORT_WORKERS ?? 2_000_000);
const QUERIES = Number(process.env.BENCH_REPORT_QUERIES ?? 60);
const WARM_UP = 5;
const FRESH = process.env.BENCH_REPORT_FRESH === '1';
const HTTP = process.env.BENCH_REPORT_HTTP !== '0';
const DATABASE = process.env.BENCH_REPORT_DB ?? 'daogang_bench_report';
const TARGET_SERVICE_MS = 100;
const TARGET_HTTP_MS = 150;
/** Stated here (the issue sets none): the first report after an import-sized burst still answers within a second. */
const TARGET_FOLD_MS = 1000;

const log = (message: string) => process.stderr.write(`[bench/report ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const fmt = (n: number) => n.toLocaleString('en');
const signed = (n: number) => `${n < 0 ? '−' : '+'}${round(Math.abs(n))}`;

interface Row {
  figure: string;
  measured: string;
  target?: string;
  pass?: boolean;
  section?: string;
}
const rows: Row[] = [];
const results: Record<string, unknown> = { workers: WORKERS, queriesPerCase: QUERIES, node: process.version };
const plans: Record<string, Array<{ sql: string; params: unknown[]; ms: number; plan: string[] }>> = {};
const failingPlans: string[] = [];

function config(pool: number): AppConfig {
  return validateConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl(DATABASE),
    DATABASE_POOL_SIZE: pool,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: DATABASE,
    // The API's search indexes are kept by the worker app's queue here: no in-process build of a 2M-worker index.
    SEARCH_INDEXER: 'queue',
    SWAGGER_ENABLED: false,
    JWT_ACCESS_SECRET: 'bench-access-secret-bench-access-secret-01',
    JWT_REFRESH_SECRET: 'bench-refresh-secret-bench-refresh-secret-1',
    PII_KEYS: `b1:${Buffer.alloc(32, 3).toString('base64')}`,
    PII_HASH_SECRET: 'bench-pii-hash-secret-bench-pii-hash-secret',
    LOG_LEVEL: 'warn',
  });
}

@Module({})
class BenchModule {
  static with(cfg: AppConfig) {
    return { module: BenchModule, imports: [PlatformModule.forRoot({ schema: SCHEMA, config: cfg }), ReportingModule] };
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

function record(section: string, figure: string, s: Summary, target: number): boolean {
  results[`${section}: ${figure}`] = s;
  const pass = s.p95 <= target;
  rows.push({
    section,
    figure: `${figure} (n=${s.n})`,
    measured: `p50 ${round(s.p50)} · p95 ${round(s.p95)} · p99 ${round(s.p99)} · max ${round(s.max)} ms`,
    target: `p95 ≤ ${target} ms`,
    pass,
  });
  return pass;
}

/** Warm-up, then QUERIES samples, one after another. */
async function sample(fn: () => Promise<unknown>): Promise<Summary> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < QUERIES; i++) ms.push((await timed(fn))[1]);
  return summary(ms);
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const loadAtStart = loadavg().map((l) => round(l, 2));
  const regions = new RegionsService();
  const p = plan(regions);

  // ---- data: created, migrated and generated once; reused while the size and the generator stay the same ----
  const { ds: plain, meta } = await openDatabase(DATABASE, { workers: WORKERS, version: GENERATOR_VERSION }, FRESH);
  if (!meta) {
    const today = beijingDay();
    const db = new pg.Client({ connectionString: databaseUrl(DATABASE) });
    await db.connect();
    const [timings, ms] = await timed(async () => generateWorld(db, p, regions, { workers: WORKERS, today, passwordHash: await hashPassword(BENCH_PASSWORD) }));
    await db.end();
    await writeMeta(plain, { workers: WORKERS, version: GENERATOR_VERSION }, today, round(ms / 1000));
    results.generation = { seconds: round(ms / 1000), steps: timings };
    rows.push({ section: 'data', figure: `data generation (${fmt(WORKERS)} workers: INSERT … SELECT with triggers off, summary from REPORT_RECOUNT, VACUUM ANALYZE)`, measured: `${round(ms / 1000)} s` });
  } else {
    log(`reusing database ${DATABASE} generated on ${meta.today} in ${meta.seconds} s (BENCH_REPORT_FRESH=1 to regenerate)`);
    results.generation = { seconds: meta.seconds, reused: true, day: meta.today };
    rows.push({ section: 'data', figure: `data generation (reused; generated on ${meta.today})`, measured: `${meta.seconds} s` });
  }
  await plain.destroy();

  const app: INestApplicationContext = await NestFactory.createApplicationContext(BenchModule.with(config(6)), { logger: ['error', 'warn'] });
  const ds = app.get<DataSource>(getDataSourceToken());
  const fold = app.get(ReportSummaryService);
  const dashboards = app.get(DashboardService);
  const destinations = app.get(DestinationsService);
  const targets = app.get(TargetsService);
  await cleanupBurst(ds); // what a run stopped half-way may have left
  await fold.fold(); // whatever a previous run left (nothing, normally)

  // Every statement the services send through DataSource.query, for EXPLAIN (ANALYZE, BUFFERS) of one call per case.
  let captured: Array<{ sql: string; params: unknown[] }> | null = null;
  const original = ds.query.bind(ds);
  ds.query = (async (sql: string, params?: unknown[], runner?: never) => {
    captured?.push({ sql, params: params ?? [] });
    return original(sql, params, runner);
  }) as typeof ds.query;
  const explain = async (name: string, fn: () => Promise<unknown>) => {
    captured = [];
    await fn();
    const statements = captured;
    captured = null;
    const out: (typeof plans)[string] = [];
    for (const s of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(s.sql) || /\b(INSERT|UPDATE|DELETE)\b/i.test(s.sql)) continue;
      const plan: Array<{ 'QUERY PLAN': string }> = await original(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      const lines = plan.map((l) => l['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.at(-1) ?? '')?.[1] ?? NaN);
      out.push({ sql: s.sql.replace(/\s+/g, ' ').trim(), params: s.params, ms, plan: lines });
    }
    plans[name] = out;
    return out;
  };

  // ---- what is there ----
  const today = beijingDay();
  const since = addDays(today, -30);
  const [facts] = await ds.query(`SELECT
      (SELECT count(*)::int FROM workers) AS workers,
      (SELECT count(*)::int FROM households) AS households,
      (SELECT count(*)::int FROM households WHERE zero_employment) AS zero_households,
      (SELECT count(DISTINCT home_county_code)::int FROM workers) AS counties,
      (SELECT count(*)::int FROM (SELECT DISTINCT home_county_code, township, village FROM workers) v) AS villages,
      (SELECT round(100.0 * count(*) FILTER (WHERE employment_status = ANY($1)) / count(*), 1)::float FROM workers) AS employed_pct,
      (SELECT round(100.0 * count(*) FILTER (WHERE employment_status = 'not_employed') / count(*), 1)::float FROM workers) AS not_employed_pct,
      (SELECT round(100.0 * count(*) FILTER (WHERE employment_status = 'in_training') / count(*), 1)::float FROM workers) AS in_training_pct,
      (SELECT round(100.0 * count(*) FILTER (WHERE cardinality(missing_fields) = 0) / count(*), 1)::float FROM workers) AS complete_pct,
      (SELECT count(*)::int FROM worker_status_changes) AS status_changes,
      (SELECT count(*)::int FROM worker_status_changes WHERE changed_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')) AS status_changes_since,
      (SELECT count(*)::int FROM applications WHERE status = 'arrived') AS arrived,
      (SELECT count(*)::int FROM follow_ups) AS follow_ups,
      (SELECT count(*)::int FROM follow_ups WHERE status = 'overdue') AS overdue,
      (SELECT count(*)::int FROM follow_up_cases WHERE status = 'open') AS open_cases,
      (SELECT count(*)::int FROM report_counts) AS report_counts_rows,
      (SELECT count(*)::int FROM report_county_counts) AS report_county_counts_rows,
      (SELECT count(DISTINCT day)::int FROM report_daily) AS snapshot_days,
      (SELECT count(*)::int FROM workers WHERE home_county_code = $3) AS largest_county_workers,
      (SELECT pg_size_pretty(pg_total_relation_size('workers'))) AS workers_size,
      (SELECT pg_size_pretty(pg_total_relation_size('worker_status_changes'))) AS status_changes_size`,
  [EMPLOYED_STATUSES, since, LARGEST]);
  const [village] = await ds.query(
    `SELECT township, village, count(*)::int AS n FROM workers WHERE home_county_code = $1 GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1`, [LARGEST],
  );
  const [{ past }] = await ds.query(`SELECT max(day)::text AS past FROM report_daily WHERE day < $1::date`, [today]);
  results.data = { ...facts, largestVillage: village, pastDay: past, today, since };
  log(`data: ${JSON.stringify(results.data)}`);
  rows.push({
    section: 'data',
    figure: `workers / households (零就业户) / counties / villages`,
    measured: `${fmt(facts.workers)} / ${fmt(facts.households)} (${fmt(facts.zero_households)}) / ${facts.counties} / ${fmt(facts.villages)}`,
  });
  rows.push({
    section: 'data',
    figure: 'employed / not employed / in training / complete records',
    measured: `${facts.employed_pct} % / ${facts.not_employed_pct} % / ${facts.in_training_pct} % / ${facts.complete_pct} %`,
  });
  rows.push({
    section: 'data',
    figure: `status history (since ${since}) / placements arrived / overdue follow-ups / open cases`,
    measured: `${fmt(facts.status_changes)} (${fmt(facts.status_changes_since)}) / ${fmt(facts.arrived)} / ${fmt(facts.overdue)} / ${fmt(facts.open_cases)}`,
  });

  // ---- 1. service level ----
  const officer: AuthUser = { id: OFFICER_ID, role: Role.Officer, countyCodes: LINXIA };
  const admin: AuthUser = { id: ADMIN_ID, role: Role.Admin, countyCodes: [] };
  const who = { officer, admin } as const;
  const county = LARGEST;
  const countyName = `${regions.get(county)!.name} ${fmt(facts.largest_county_workers)} workers`;
  const place = `${village.township}${village.village}, ${fmt(village.n)} workers`;
  const table = (extra: Record<string, unknown> = {}) => ({ countyCode: county, page: 1, pageSize: 100, ...extra }) as never;
  const cases: Array<{ name: string; fn: () => Promise<unknown> }> = [];
  for (const [label, user] of Object.entries(who)) {
    for (const rankBy of RANK_BY) cases.push({ name: `dashboard() today, rankBy ${rankBy}, ${label}`, fn: () => dashboards.dashboard(user, { rankBy: rankBy as RankBy }) });
    cases.push({ name: `dashboard() day ${past}, ${label}`, fn: () => dashboards.dashboard(user, { day: past }) });
  }
  cases.push(
    { name: `villages() ${countyName}, officer`, fn: () => destinations.villages(officer, { countyCode: county }) },
    { name: `villages() since ${since}, officer`, fn: () => destinations.villages(officer, { countyCode: county, since }) },
    { name: `table() village p1 (${place}), officer`, fn: () => destinations.table(officer, table({ township: village.township, village: village.village })) },
    { name: `table() village p1 since, changedOnly, officer`, fn: () => destinations.table(officer, table({ township: village.township, village: village.village, since, changedOnly: 'true' })) },
    { name: `table() county p1, officer`, fn: () => destinations.table(officer, table()) },
    { name: `table() county p1 since, officer`, fn: () => destinations.table(officer, table({ since })) },
    { name: `table() county p1 since, changedOnly, officer`, fn: () => destinations.table(officer, table({ since, changedOnly: 'true' })) },
    { name: `targets(), officer`, fn: () => targets.targets(officer) },
    { name: `targets(), admin`, fn: () => targets.targets(admin) },
    { name: `absorption(), officer`, fn: () => targets.absorption(officer) },
    { name: `absorption(), admin`, fn: () => targets.absorption(admin) },
  );
  const samples: Record<string, unknown> = {};
  for (const c of cases) {
    log(`service: ${c.name}`);
    const s = await sample(c.fn);
    const pass = record('service', c.name, s, TARGET_SERVICE_MS);
    const statements = await explain(c.name, c.fn);
    if (!pass) failingPlans.push(describePlans(c.name, statements));
    samples[c.name] = brief(await c.fn());
  }
  results.samples = samples;

  // ---- 2. over HTTP: the real API app on the bench database ----
  if (HTTP) await overHttp({ county, village, since, past, countyName, place });

  // ---- 3. freshness: a burst of changes, then one fold; what the triggers add to a 10,000-row UPDATE ----
  const seed = Date.now() % 100_000;
  const [{ changed, undo }, burstMs] = await timed(() => burst(ds, { changes: 10_000, batch: 1_000, seed }));
  const [inserted, insertMs] = await timed(() => insertBurst(ds, { workers: 1_000, households: 300, run: seed }));
  const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM report_changes`);
  const [folded, foldMs] = await timed(() => fold.fold());
  const freshness: Record<string, unknown> = { changed, burstMs, inserted, insertMs, pending, folded, foldMs };
  results.freshness = freshness;
  rows.push({ section: 'freshness', figure: `burst: ${fmt(changed)} status changes (10 transactions of 1,000: UPDATE, history, households refreshed)`, measured: `${round(burstMs)} ms` });
  rows.push({ section: 'freshness', figure: `burst: ${fmt(inserted)} workers inserted in 300 new households (one transaction)`, measured: `${round(insertMs)} ms` });
  rows.push({
    section: 'freshness', figure: `fold after the burst (${fmt(pending)} change rows waiting)`, measured: `${round(foldMs)} ms`,
    target: `≤ ${TARGET_FOLD_MS} ms (stated)`, pass: foldMs <= TARGET_FOLD_MS && folded.changes === pending,
  });
  const { undo: undoMore } = await burst(ds, { changes: 1_000, batch: 1_000, seed: seed + 1 });
  const [, firstMs] = await timed(() => dashboards.dashboard(admin, {}));
  freshness.firstDashboardAfterMoreMs = firstMs;
  rows.push({ section: 'freshness', figure: 'dashboard() today, admin, first call after 1,000 more changes (its fold included)', measured: `${round(firstMs)} ms` });
  const overhead = await triggerOverhead(ds, { rows: 10_000, seed: seed + 2 });
  results.triggerOverhead = overhead;
  rows.push({
    section: 'freshness',
    figure: `10,000-row UPDATE of workers.employment_status, with / without the report trigger (rolled back, median of ${overhead.runs})`,
    measured: `${round(overhead.withTriggers)} ms / ${round(overhead.withoutTriggers)} ms (${signed(overhead.withTriggers - overhead.withoutTriggers)} ms; ${fmt(overhead.changeRows)} change rows appended)`,
  });

  // ---- 4. correctness: the summary equals a full recount, and so do the figures the services answer ----
  const checks: Check[] = [];
  const [counts, recountMs] = await timed(() => compareCounts(fold));
  checks.push(counts);
  checks.push(await compareCountyCounts(ds));
  checks.push(...(await checkFigures(ds, { dashboards, destinations, targets }, { admin, officer, county, since })));
  results.checks = checks;
  for (const c of checks) {
    rows.push({ section: 'correctness', figure: c.name, measured: c.ok ? `equal (${c.detail})` : `DIFFERENT: ${c.detail}`, target: 'equal', pass: c.ok });
  }
  rows.push({ section: 'correctness', figure: 'ReportSummaryService.recount() on its own (for scale)', measured: `${round(recountMs / 1000, 2)} s for counts() + recount()` });

  // ---- leave the database as it was generated: the changed workers put back, the inserted ones gone, the summary
  // folded, the tables vacuumed ----
  await undoBursts(ds, [undo, undoMore]);
  await cleanupBurst(ds);
  await fold.fold();
  ds.query = original;
  await ds.query(`VACUUM (ANALYZE) workers, households, worker_status_changes, report_changes, report_counts, report_county_counts`);
  await app.close();

  // ---- report ----
  const width = Math.max(...rows.map((r) => r.figure.length));
  const loadAtEnd = loadavg().map((l) => round(l, 2));
  results.loadAverage = { start: loadAtStart, end: loadAtEnd };
  console.log(`\nbench/report — ${fmt(WORKERS)} workers, today ${today} (Beijing), Node ${process.version}; load average ${loadAtStart.join(' ')} at the start, ${loadAtEnd.join(' ')} at the end (2 cores, shared)`);
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section ?? '';
      console.log(`\n[${section}]${section === 'service' ? ` target p95 ≤ ${TARGET_SERVICE_MS} ms` : section === 'http' ? ` target p95 ≤ ${TARGET_HTTP_MS} ms` : ''}`);
    }
    const verdict = r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL';
    console.log(`${r.figure.padEnd(width)}  ${r.measured}${r.target ? `  (target ${r.target})` : ''}${verdict}`);
  }
  const failed = rows.filter((r) => r.pass === false);
  console.log(`\n${failed.length ? `FAIL: ${failed.length} of ${rows.filter((r) => r.pass !== undefined).length} targets missed` : `PASS: all ${rows.filter((r) => r.pass !== undefined).length} targets met`}`);
  for (const f of failingPlans) console.log(`\n${f}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-report.json', JSON.stringify({ rows, results, plans }, null, 2));
  if (failed.length) process.exitCode = 1;

  async function overHttp(o: { county: string; village: { township: string; village: string }; since: string; past: string; countyName: string; place: string }) {
    log('starting the API (its MatchIndex loads every worker)');
    const [api, bootMs] = await timed(async () => {
      const a = await createApiApp(config(10));
      await a.listen(0, '127.0.0.1');
      return a;
    });
    rows.push({ section: 'http', figure: 'API start on the bench database (createApiApp + listen; MatchIndex of every worker)', measured: `${round(bootMs / 1000)} s` });
    const base = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}/api`;
    const login = async (name: string): Promise<string> => {
      const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password: BENCH_PASSWORD }) });
      if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const tokens = { officer: await login(OFFICER_LOGIN), admin: await login(ADMIN_LOGIN) };
    const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
    const village = { countyCode: o.county, township: o.village.township, village: o.village.village };
    const http: Array<[string, keyof typeof tokens, string]> = [
      ['GET /reports/dashboard, officer', 'officer', '/reports/dashboard'],
      ['GET /reports/dashboard, admin', 'admin', '/reports/dashboard'],
      ['GET /reports/dashboard?rankBy=overdue, admin', 'admin', `/reports/dashboard?${q({ rankBy: 'overdue' })}`],
      [`GET /reports/dashboard?day=${o.past}, admin`, 'admin', `/reports/dashboard?${q({ day: o.past })}`],
      [`GET /reports/destinations/villages (${o.countyName}), officer`, 'officer', `/reports/destinations/villages?${q({ countyCode: o.county })}`],
      ['GET /reports/destinations/villages?since, officer', 'officer', `/reports/destinations/villages?${q({ countyCode: o.county, since: o.since })}`],
      [`GET /reports/destinations village p1 (${o.place}), officer`, 'officer', `/reports/destinations?${q(village)}`],
      ['GET /reports/destinations county p1, officer', 'officer', `/reports/destinations?${q({ countyCode: o.county })}`],
      ['GET /reports/destinations county p1 since, officer', 'officer', `/reports/destinations?${q({ countyCode: o.county, since: o.since })}`],
      ['GET /reports/destinations county p1 since, changedOnly, officer', 'officer', `/reports/destinations?${q({ countyCode: o.county, since: o.since, changedOnly: 'true' })}`],
      ['GET /reports/targets, officer', 'officer', '/reports/targets'],
      ['GET /reports/targets, admin', 'admin', '/reports/targets'],
      ['GET /reports/absorption, officer', 'officer', '/reports/absorption'],
      ['GET /reports/absorption, admin', 'admin', '/reports/absorption'],
    ];
    const bytes: Record<string, number> = {};
    try {
      for (const [name, user, path] of http) {
        log(`http: ${name}`);
        const get = async () => {
          const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens[user]}` } });
          const body = await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString()}`);
          return body.byteLength;
        };
        bytes[name] = await get();
        record('http', `${name} [${fmt(bytes[name])} B]`, await sample(get), TARGET_HTTP_MS);
      }
    } finally {
      await api.close();
    }
    results.httpBytes = bytes;
  }
}

/** The gist of an answer (for the JSON file): sizes and a first row. */
function brief(answer: unknown): unknown {
  const a = answer as Record<string, unknown>;
  const list = (a.counties ?? a.villages ?? a.items ?? a.rows) as unknown[] | undefined;
  return { keys: Object.keys(a), rows: list?.length, total: a.total, first: list?.[0], previousDay: a.previousDay };
}

function describePlans(name: string, statements: Array<{ sql: string; params: unknown[]; ms: number; plan: string[] }>): string {
  const slowest = [...statements].sort((a, b) => b.ms - a.ms)[0];
  if (!slowest) return `${name}: no statement captured`;
  return [
    `---- FAIL ${name}: slowest statement ${slowest.ms} ms (EXPLAIN ANALYZE, BUFFERS) ----`,
    slowest.sql,
    `params: ${JSON.stringify(slowest.params)}`,
    ...slowest.plan,
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
