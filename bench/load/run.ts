import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Logger } from '@nestjs/common';
import { beijingDay, PiiCipher } from '@daogang/platform';
import { RegionsService } from '@daogang/registry';
import autocannon from 'autocannon';
import { places } from '../search/generate.js';
import { jobQueries } from '../search/queries.js';
import { mix, Rng } from '../search/prng.js';
import { benchConfig, DATABASE, PASSWORD } from './config.js';
import { openDatabase, writeMeta } from '../shared/bench-database.js';
import { generateWorld, GENERATOR_VERSION, mobileOf, prepareRun } from './generate.js';
import { share, snapshot, type CpuShare } from './machine.js';
import { paced, type PacedResult } from './paced.js';
import type { ServerStats } from './server-stats.js';

/**
 * bench/load: the API under 200 concurrent connections for 60 s per scenario — job search, job detail, apply, login —
 * beside a bare NestJS endpoint in the same run, each server in a process of its own and autocannon in this one.
 * Prints throughput, p50/p99/max latency and errors per scenario, where the CPU went, and the targets (zero errors;
 * search and detail p99 ≤ 100 ms and at least half the bare endpoint's throughput). See README.md.
 */
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const WARMUP = Number(process.env.BENCH_LOAD_WARMUP ?? 5);
/** Seconds of one connection alone before each scenario: the latency without queueing (the service time). */
const PROBE = Number(process.env.BENCH_LOAD_PROBE ?? 3);
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 200);
const JOBS = Number(process.env.BENCH_LOAD_JOBS ?? 30_000);
const WORKERS = Number(process.env.BENCH_LOAD_WORKERS ?? 5000);
/** Workers signed in before the apply scenario; request n applies as worker n mod this, to a different order each round. */
const APPLICANTS = Math.min(WORKERS, Number(process.env.BENCH_LOAD_APPLICANTS ?? 1500));
const FRESH = process.env.BENCH_LOAD_FRESH === '1';
const ONLY = process.env.BENCH_LOAD_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const TARGET_P99_MS = 100;
const TARGET_RATIO = 0.5;
/** `0` skips the second run of the reads at the target rate. */
const AT_RATE = process.env.BENCH_LOAD_AT_RATE !== '0';
/** The production default of LOGIN_RATE_LIMIT_PER_MINUTE (the bench's config leaves it so). */
const LOGIN_LIMIT = benchConfig().LOGIN_RATE_LIMIT_PER_MINUTE;

const log = (message: string) => process.stderr.write(`[bench/load ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the server processes ---------------------------------------------------------------------------------------

/** The scenario being measured (named in the servers' profiles). */
let current = '';

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  bootMs: number;
  ask<T>(type: string, answer?: string): Promise<T>;
}

function start(name: string, file: string, env: Record<string, string> = {}): Promise<Server> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // e.g. --trace-gc, to see the servers' collections
    execArgv: [...process.execArgv, ...(process.env.BENCH_LOAD_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [])],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.once('message', (m: { type: string; port: number; bootMs: number }) => {
      if (m.type !== 'ready') return reject(new Error(`${name}: unexpected ${JSON.stringify(m)}`));
      child.removeAllListeners('exit');
      const ask = <T>(type: string, answer = type === 'mark' ? 'marked' : type) =>
        new Promise<T>((res) => {
          const on = (msg: { type: string; stats?: T }) => {
            if (msg.type !== answer) return;
            child.off('message', on);
            res((msg.stats ?? msg) as T);
          };
          child.on('message', on);
          child.send({ type, scenario: current });
        });
      resolve({ name, child, port: m.port, bootMs: m.bootMs, ask });
    });
  });
}

async function stop(server: Server): Promise<void> {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.send({ type: 'stop' });
  await Promise.race([exited, sleep(10_000)]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

// ---- the scenarios ----------------------------------------------------------------------------------------------

interface Scenario {
  name: string;
  server: Server;
  /** The status every answer should have. */
  expect: number;
  /** A read whose throughput and p99 have targets. */
  read: boolean;
  request: autocannon.Request;
  /** What the requests are, in a few words (README and JSON). */
  about: string;
}

interface Outcome {
  scenario: string;
  /** Requests a second asked for (open loop), or absent: as fast as the connections go. */
  rate?: number;
  /** Open loop only: p99 of how late the generator itself sent a request (paced.ts). */
  generatorLateP99Ms?: number;
  /** Open loop only: the slowest answer in each second of the run. */
  slowestBySecondMs?: number[];
  about: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; p99_9: number; max: number };
  /** One connection alone, before the warm-up: mean latency (1000 / req/s; autocannon's percentiles are whole ms), p99, req/s. */
  alone?: { meanMs: number; p99: number; rps: number };
  bytesPerResponse: number;
  non2xx: number;
  unexpected: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  server: ServerStats;
  cpu: CpuShare & { api: number; bare: number; generator: number };
  /** Event-loop busy time per request in the server process: its single-thread cost of one request. */
  loopMsPerRequest: number;
  statementsPerRequest?: number;
}

async function run(s: Scenario, seconds: number, connections: number, rate?: number): Promise<PacedResult | autocannon.Result> {
  if (rate) return paced({ port: s.server.port, connections, rate, seconds, request: s.request });
  return autocannon({
    url: `http://127.0.0.1:${s.server.port}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [s.request],
  });
}

/**
 * One scenario: as fast as the connections go (closed loop, autocannon), or with `rate` requests a second leaving on
 * a fixed schedule over the same connections (open loop, paced.ts): the latency of the service under that load,
 * rather than the length of the queue at saturation.
 */
async function measure(s: Scenario, servers: { api: Server; bare: Server }, rate?: number): Promise<Outcome> {
  let alone: Outcome['alone'];
  if (rate) {
    log(`${s.name}: ${CONNECTIONS} connections at ${rate} req/s for ${SECONDS} s`);
  } else if (PROBE > 0) {
    log(`${s.name}: one connection for ${PROBE} s`);
    const one = await run(s, PROBE, 1);
    const rps = one.requests.total / one.duration;
    alone = { meanMs: round(1000 / Math.max(rps, 0.001), 2), p99: one.latency.p99, rps: round(rps) };
  }
  if (WARMUP > 0 && !rate) {
    log(`${s.name}: warm-up ${WARMUP} s`);
    await run(s, WARMUP, CONNECTIONS);
    await sleep(1000);
  }
  if (!rate) log(`${s.name}: ${CONNECTIONS} connections for ${SECONDS} s`);
  const name = rate ? `${s.name}@rate` : s.name;
  current = name;
  await s.server.ask('mark');
  const pids = [servers.api.child.pid!, servers.bare.child.pid!];
  const before = snapshot(DATABASE, pids);
  const generatorBefore = process.cpuUsage();
  const result = await run(s, SECONDS, CONNECTIONS, rate);
  const generator = process.cpuUsage(generatorBefore);
  const after = snapshot(DATABASE, pids);
  const stats = await s.server.ask<ServerStats>('report');
  const cpu = share(before, after, cpus().length);
  const requests = result.requests.total;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const unexpected = Object.entries(statuses).filter(([code]) => Number(code) !== s.expect).reduce((n, [, c]) => n + c, 0);
  const outcome: Outcome = {
    scenario: name,
    ...(rate ? { rate } : {}),
    ...('lateP99' in result ? { generatorLateP99Ms: result.lateP99, slowestBySecondMs: result.bySecond } : {}),
    about: s.about,
    connections: CONNECTIONS,
    seconds: result.duration,
    requests,
    rps: round(requests / result.duration),
    latencyMs: { mean: round(result.latency.mean, 2), p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, p99_9: result.latency.p99_9, max: result.latency.max },
    alone,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, requests)),
    non2xx: result.non2xx,
    unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    server: stats,
    cpu: {
      ...cpu,
      api: cpu.pids[servers.api.child.pid!] ?? 0,
      bare: cpu.pids[servers.bare.child.pid!] ?? 0,
      generator: round((generator.user + generator.system) / 1000 / (after.at - before.at), 2),
    },
    loopMsPerRequest: round((stats.eventLoopUtilisation * stats.wallMs) / Math.max(1, requests), 3),
    ...(stats.statements !== undefined ? { statementsPerRequest: round(stats.statements / Math.max(1, requests), 2) } : {}),
  };
  // the generator's share is measured in-process; take it out of "rest" (it was not a named pid there)
  outcome.cpu.rest = round(Math.max(0, outcome.cpu.rest - outcome.cpu.generator), 2);
  log(`${name}: ${outcome.rps} req/s, p50 ${outcome.latencyMs.p50} ms, p99 ${outcome.latencyMs.p99} ms, `
    + `${unexpected} unexpected, ${outcome.errors} errors${outcome.generatorLateP99Ms !== undefined ? `, generator late p99 ${outcome.generatorLateP99Ms} ms` : ''} (machine ${cpu.machine} cores busy, load ${loadavg()[0].toFixed(2)})`);
  await sleep(2000);
  return outcome;
}

/** Signs `n` workers in (n requests, 16 at a time) and returns their access tokens, in worker order. */
async function signIn(api: Server, n: number): Promise<string[]> {
  const tokens: string[] = new Array(n);
  let next = 0;
  const one = async () => {
    for (let i = next++; i < n; i = next++) {
      const res = await fetch(`http://127.0.0.1:${api.port}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: mobileOf(i), password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login of worker ${i}: ${res.status} ${await res.text()}`);
      tokens[i] = ((await res.json()) as { accessToken: string }).accessToken;
    }
  };
  await Promise.all(Array.from({ length: 16 }, one));
  return tokens;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const cfg = benchConfig();
  const regions = new RegionsService();
  const p = places(regions);
  const started = Date.now();

  // ---- data: created, migrated and generated once; reused while the sizes and the generator stay the same ----
  const { ds, meta } = await openDatabase(DATABASE, { jobs: JOBS, workers: WORKERS, version: GENERATOR_VERSION }, FRESH);
  const today = beijingDay();
  let generateSeconds = meta?.seconds;
  if (!meta) {
    log(`generating ${JOBS.toLocaleString('en')} job orders and ${WORKERS.toLocaleString('en')} workers into ${DATABASE}`);
    const t = performance.now();
    await generateWorld(ds, p, new PiiCipher(cfg), { jobs: JOBS, workers: WORKERS });
    await ds.query('VACUUM ANALYZE');
    generateSeconds = round((performance.now() - t) / 1000);
    await writeMeta(ds, { jobs: JOBS, workers: WORKERS, version: GENERATOR_VERSION }, today, generateSeconds ?? null);
  } else {
    log(`reusing ${DATABASE} (generated in ${meta.seconds} s; BENCH_LOAD_FRESH=1 to regenerate)`);
  }
  await prepareRun(ds, meta?.today ?? today, today);
  const jobIds: string[] = (await ds.query(`SELECT id FROM job_orders WHERE status = 'published' ORDER BY id`)).map((r: { id: string }) => r.id);
  const [data] = await ds.query(`SELECT (SELECT count(*)::int FROM job_orders WHERE status = 'published') AS published_orders,
      (SELECT count(*)::int FROM employers) AS employers, (SELECT count(*)::int FROM workers) AS workers,
      (SELECT count(*)::int FROM users) AS users, (SELECT count(DISTINCT work_county_code)::int FROM job_orders) AS work_counties,
      (SELECT count(DISTINCT category)::int FROM job_orders) AS categories`);
  await ds.destroy();
  log(`data: ${JSON.stringify(data)}`);

  // ---- the servers, each in a process of its own ----
  log('starting the API (building the search and match indexes from PostgreSQL) and the bare app');
  const [api, bare] = await Promise.all([start('api', './api-server.js'), start('bare', './bare-server.js')]);
  log(`API ready in ${round(api.bootMs / 1000)} s on port ${api.port}; bare app on port ${bare.port}`);
  const servers = { api, bare };

  // ---- the request mixes ----
  const searches = jobQueries(p, 1000).map((q) => q.http);
  let searchN = 0;
  const detailRng = new Rng(mix(20261231, 1));
  let applyN = 0;
  let loginN = 0;
  let tokens: string[] = [];
  const json = (body: unknown, token?: string) => ({
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const scenarios: Scenario[] = [
    {
      name: 'bare', server: bare, expect: 200, read: false, about: 'GET /bare of a bare NestJS app: one controller, a small JSON',
      request: { method: 'GET', path: '/bare' },
    },
    {
      name: 'floor', server: api, expect: 200, read: false,
      about: "GET /api/health of the API: its liveness answer ({status:'ok'}, no database) through the API's whole HTTP stack — helmet, CORS, the auth guard, the idempotency interceptor — the floor under every API route",
      request: { method: 'GET', path: '/api/health' },
    },
    {
      name: 'search', server: api, expect: 200, read: true,
      about: "GET /api/jobs/search: bench/search's 1,000-query mix in turn — words, two words, sub-words, pinyin and pinyin typos, filters (city, county, category, wage, benefits, start, accessible, training), sorts (wage, start, distance), pages 2–10",
      request: { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/jobs/search?${searches[searchN++ % searches.length]}` }) },
    },
    {
      name: 'detail', server: api, expect: 200, read: true, about: 'GET /api/job-orders/:id of a random published order',
      request: { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/job-orders/${jobIds[detailRng.int(0, jobIds.length - 1)]}` }) },
    },
    {
      name: 'login', server: api, expect: 200, read: false,
      about: `POST /api/auth/login of the ${WORKERS.toLocaleString('en')} worker accounts in turn (mobile + password; argon2id verify, a refresh token issued)`,
      request: {
        method: 'POST',
        setupRequest: (req) => ({ ...req, path: '/api/auth/login', ...json({ login: mobileOf(loginN++ % WORKERS), password: PASSWORD }) }),
      },
    },
    {
      name: 'apply', server: api, expect: 201, read: false,
      about: `POST /api/applications by ${APPLICANTS.toLocaleString('en')} signed-in workers in turn, each time to an order that worker has not applied to`,
      request: {
        method: 'POST',
        setupRequest: (req) => {
          const n = applyN++;
          const w = n % APPLICANTS;
          const job = jobIds[(Math.floor(n / APPLICANTS) + w * 7919) % jobIds.length];
          return { ...req, path: '/api/applications', ...json({ jobOrderId: job }, tokens[w]) };
        },
      },
    },
  ];

  const outcomes: Outcome[] = [];
  let signInSeconds: number | undefined;
  try {
    for (const s of scenarios) {
      if (ONLY && !ONLY.includes(s.name)) continue;
      if (s.name === 'apply') {
        const t = performance.now();
        log(`signing ${APPLICANTS.toLocaleString('en')} workers in for the apply scenario (not timed)`);
        tokens = await signIn(api, APPLICANTS);
        signInSeconds = round((performance.now() - t) / 1000);
        await sleep(2000);
      }
      outcomes.push(await measure(s, servers));
      // The reads again at the throughput target (half the bare endpoint's): their latency at that load.
      const bareOutcome = outcomes.find((o) => o.scenario === 'bare');
      if (s.read && bareOutcome && AT_RATE) outcomes.push(await measure(s, servers, Math.round(TARGET_RATIO * bareOutcome.rps)));
      if (s.name === 'apply' && applyN / APPLICANTS >= jobIds.length) throw new Error('apply ran out of fresh (worker, order) pairs');
    }
  } finally {
    await Promise.all([stop(api), stop(bare)]);
  }

  report(outcomes, { data, generateSeconds, signInSeconds, bootSeconds: round(api.bootMs / 1000), started });
}

// ---- report -----------------------------------------------------------------------------------------------------

interface Row {
  target: string;
  measured: string;
  pass: boolean;
}

function report(outcomes: Outcome[], facts: Record<string, unknown>): void {
  const by = (name: string) => outcomes.find((o) => o.scenario === name);
  const bare = by('bare');
  const pad = (v: unknown, n: number) => String(v).padStart(n);
  const lines: string[] = [];
  lines.push('');
  lines.push(`bench/load — ${CONNECTIONS} connections × ${SECONDS} s per scenario (after ${WARMUP} s of warm-up), Node ${process.version}, `
    + `${cpus().length} cores shared by the generator, the servers and PostgreSQL`);
  lines.push(`data: ${JSON.stringify(facts.data)}`);
  lines.push('');
  lines.push(`${'scenario'.padEnd(12)} ${pad('req/s', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('max ms', 7)} ${pad('non-2xx', 8)} ${pad('errors', 7)} `
    + `${pad('timeouts', 8)} ${pad('alone ms', 8)} │ ${pad('app p50', 7)} ${pad('app p99', 7)} ${pad('loop ms/req', 11)} ${pad('ELU', 5)} ${pad('stmts/req', 9)} ${pad('pool wait', 9)} ${pad('cached', 6)} │ `
    + `${pad('cores: server', 13)} ${pad('pg', 5)} ${pad('gen', 5)} ${pad('irq', 5)} ${pad('other', 5)}`);
  for (const o of outcomes) {
    const route = Object.values(o.server.routes).sort((a, b) => b.latency.n - a.latency.n)[0];
    lines.push(`${o.scenario.padEnd(12)} ${pad(o.rps, 8)} ${pad(o.latencyMs.p50, 7)} ${pad(o.latencyMs.p99, 7)} ${pad(o.latencyMs.max, 7)} ${pad(o.non2xx, 8)} `
      + `${pad(o.errors, 7)} ${pad(o.timeouts, 8)} ${pad(o.alone ? o.alone.meanMs : '-', 8)} │ ${pad(route?.latency.p50 ?? '-', 7)} ${pad(route?.latency.p99 ?? '-', 7)} ${pad(o.loopMsPerRequest, 11)} `
      + `${pad(o.server.eventLoopUtilisation.toFixed(2), 5)} ${pad(o.statementsPerRequest ?? '-', 9)} ${pad(o.server.pool ? o.server.pool.meanWaiting.toFixed(1) : '-', 9)} ${pad(route && o.scenario !== 'bare' ? `${Math.round((100 * route.cacheHits) / Math.max(1, route.latency.n))}%` : '-', 6)} │ `
      + `${pad(o.scenario === 'bare' ? o.cpu.bare : o.cpu.api, 13)} ${pad(o.cpu.postgresOurs, 5)} ${pad(o.cpu.generator, 5)} ${pad(o.cpu.irq, 5)} ${pad(round(o.cpu.rest + o.cpu.postgresOther, 2), 5)}`);
  }
  lines.push('');
  lines.push('req/s, p50/p99/max: autocannon (client side, queueing included; max is the first request of a late-accepted connection, see README).');
  lines.push('alone ms: mean latency of one connection by itself for a few seconds before the run. app p50/p99: inside the server process, from its first');
  lines.push('middleware to the response\'s finish. loop ms/req: event-loop busy time per request (ELU × wall / requests). stmts/req: statements');
  lines.push('sent to PostgreSQL per request (BEGIN/COMMIT included). pool wait: requests waiting for a pooled connection (mean of 50 ms samples).');
  lines.push('cached: answers served from the API\'s public cache (anonymous GETs of search and job pages, X-Cache: hit).');
  lines.push('cores: CPU used during the scenario by the server process, this database\'s PostgreSQL backends, the load generator, interrupts and');
  lines.push('softirqs (the loopback network stack, charged to no process), and everything else on the machine (other databases, other processes).');

  const rows: Row[] = [];
  for (const o of outcomes) {
    const bad = o.unexpected + o.errors + o.timeouts;
    rows.push({
      target: `${o.scenario}: zero errors (every answer ${o.scenario === 'apply' ? 201 : 200}, no socket error or timeout)`,
      measured: bad ? `${o.unexpected} unexpected statuses ${JSON.stringify(o.statuses)}, ${o.errors} errors, ${o.timeouts} timeouts` : `0 of ${o.requests.toLocaleString('en')}`,
      pass: bad === 0,
    });
  }
  for (const name of ['search', 'detail']) {
    const o = by(name);
    if (!o) continue;
    rows.push({ target: `${name}: p99 ≤ ${TARGET_P99_MS} ms, as fast as ${CONNECTIONS} connections go`, measured: `${o.latencyMs.p99} ms`, pass: o.latencyMs.p99 <= TARGET_P99_MS });
    const atRate = by(`${name}@rate`);
    if (atRate) {
      rows.push({
        target: `${name}: p99 ≤ ${TARGET_P99_MS} ms, ${CONNECTIONS} connections at ${TARGET_RATIO} × bare's req/s (${atRate.rate})`,
        measured: `${atRate.latencyMs.p99} ms (${atRate.rps} req/s served)`,
        pass: atRate.latencyMs.p99 <= TARGET_P99_MS && atRate.rps >= 0.97 * atRate.rate!,
      });
    }
    if (bare) {
      const ratio = o.rps / bare.rps;
      rows.push({ target: `${name}: throughput ≥ ${TARGET_RATIO} × bare`, measured: `${o.rps} / ${bare.rps} = ${ratio.toFixed(2)}`, pass: ratio >= TARGET_RATIO });
    }
  }
  const login = by('login');
  if (login) {
    const perAccount = (login.rps * (SECONDS + WARMUP)) / WORKERS;
    lines.push('');
    lines.push(`login: ${login.rps} req/s on ${login.cpu.api} cores of the API process (argon2id verify on libuv's pool); no throughput target. `
      + `Spread over ${WORKERS.toLocaleString('en')} accounts: ${perAccount.toFixed(2)} attempts per account a minute, under the production limit of ${LOGIN_LIMIT}.`);
  }
  lines.push('');
  const width = Math.max(...rows.map((r) => r.target.length));
  for (const r of rows) lines.push(`${r.target.padEnd(width)}  ${r.measured}  ${r.pass ? 'PASS' : 'FAIL'}`);
  for (const o of outcomes) {
    if (o.server.errorSamples.length) lines.push(`${o.scenario}: error answers seen by the server, e.g. ${JSON.stringify(o.server.errorSamples.slice(0, 3))}`);
  }
  lines.push('');
  lines.push('statements per request (the most frequent; background index syncs included):');
  for (const o of outcomes) {
    if (!o.server.topStatements?.length) continue;
    const top = o.server.topStatements.filter((t) => t.n / o.requests >= 0.05).slice(0, 10);
    lines.push(`  ${o.scenario}: ${top.map((t) => `${round(t.n / o.requests, 2)}× ${t.sql.slice(0, 70)}`).join('\n' + ' '.repeat(o.scenario.length + 4))}`);
  }
  for (const o of outcomes) {
    if (!o.server.profile) continue;
    const pr = o.server.profile;
    lines.push(`profile of ${o.scenario} (main thread, ${pr.sampledMs} ms sampled): self by package ${pr.selfByPackage.slice(0, 10).map((x) => `${x.where} ${x.share}%`).join(', ')}`);
    lines.push(`  heaviest (inclusive): ${pr.inclusive.slice(0, 16).map((x) => `${x.fn.split(' ')[0]} ${x.share}%`).join(', ')}`);
  }
  console.log(lines.join('\n'));

  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/bench-load.json', JSON.stringify({
    connections: CONNECTIONS, seconds: SECONDS, warmup: WARMUP, node: process.version, cores: cpus().length,
    facts: { ...facts, minutes: round((Date.now() - (facts.started as number)) / 60_000) }, targets: rows, outcomes,
  }, null, 2));
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
