/**
 * What each server process (the API, the bare app) measures of itself between the parent's `mark` and `report`
 * messages: event-loop utilisation and delay, CPU time, and the time each request spends in the app — from the first
 * middleware to the response's `finish` — per route, with its statuses and a few error bodies. For the API also the
 * statements sent to PostgreSQL and the connection pool's waiting queue (sampled every 50 ms).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export interface Latency {
  n: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface ServerStats {
  wallMs: number;
  /** Share of wall time the event loop was busy (0–1). */
  eventLoopUtilisation: number;
  /** User + system CPU time of the process (all its threads: libuv's pool hashing passwords included). */
  cpuMs: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  statements?: number;
  /** The most frequent statements (first 100 characters, parameters are placeholders) and how many were sent. */
  topStatements?: Array<{ sql: string; n: number }>;
  /** With BENCH_LOAD_PROFILE=1: where the main thread's CPU went (V8 sampling profile), see summarise(). */
  profile?: ProfileSummary;
  pool?: { meanWaiting: number; maxWaiting: number; meanBusy: number };
  /** Per route; `cacheHits`: answers served from the API's public cache (`X-Cache: hit`). */
  routes: Record<string, { latency: Latency; statuses: Record<string, number>; cacheHits: number }>;
  errorSamples: Array<{ route: string; status: number; body: string }>;
  rssMb: number;
}

/** The bench's routes by method and path (ids folded). */
export function routeOf(method: string, path: string): string {
  if (path.startsWith('/api/job-orders/')) return `${method} /api/job-orders/:id`;
  if (path.startsWith('/api/jobs/search')) return `${method} /api/jobs/search`;
  return `${method} ${path}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function latency(values: number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  const r = (v: number) => Math.round(v * 100) / 100;
  let sum = 0;
  for (const v of sorted) sum += v;
  const s = Array.from(sorted);
  return {
    n: s.length, mean: r(sum / Math.max(1, s.length)), p50: r(percentile(s, 50)), p90: r(percentile(s, 90)), p99: r(percentile(s, 99)),
    max: r(s.length ? s[s.length - 1] : NaN),
  };
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

interface Pool {
  waitingCount: number;
  totalCount: number;
  idleCount: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  /** Self time by package (node_modules/<pkg>, libs/<lib>, node internals, GC, idle). */
  selfByPackage: Array<{ where: string; ms: number; share: number }>;
  /** Inclusive time of the heaviest functions (recursion counted once). */
  inclusive: Array<{ fn: string; ms: number; share: number }>;
}

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const lib = /\/(libs\/[^/]+|apps\/[^/]+|bench\/[^/]+)\//.exec(url);
  if (lib) return lib[1];
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

/** Self time per package and inclusive time of the heaviest functions, from a V8 CPU profile. */
export function summarise(profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] }): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = profile.samples.length;
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, total);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const name = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|dist|libs|apps)\//, '$1/');
    return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const walk = (id: number, onPath: Set<string>): number => {
    const node = byId.get(id)!;
    let hits = node.hitCount ?? 0;
    const where = packageOf(node.callFrame.url, node.callFrame.functionName);
    self.set(where, (self.get(where) ?? 0) + hits);
    const key = name(node);
    const fresh = !onPath.has(key);
    if (fresh) onPath.add(key);
    for (const child of node.children ?? []) hits += walk(child, onPath);
    if (fresh) {
      onPath.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + hits);
    }
    return hits;
  };
  walk(profile.nodes[0].id, new Set());
  const r = (hits: number) => Math.round(hits * msPerSample);
  const share = (hits: number) => Math.round((hits / Math.max(1, total)) * 1000) / 10;
  return {
    sampledMs: r(total),
    selfByPackage: [...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([where, hits]) => ({ where, ms: r(hits), share: share(hits) })),
    inclusive: [...inclusive]
      .filter(([fn]) => !/^\((root|program|idle|garbage collector)\)/.test(fn))
      .sort((a, b) => b[1] - a[1]).slice(0, 40).map(([fn, hits]) => ({ fn, ms: r(hits), share: share(hits) })),
  };
}

/**
 * Installs the timing middleware and answers the parent's mark / report / stop messages. Call it before any other
 * middleware (createApiApp's `first` hook), so that answers a middleware gives by itself (the public cache) count too.
 */
export function instrument(
  app: INestApplication,
  extra: { statements?: () => number; topStatements?: { reset(): void; top(n: number): Array<{ sql: string; n: number }> }; pool?: () => Pool } = {},
): void {
  let took = new Map<string, number[]>();
  let statuses = new Map<string, Record<string, number>>();
  let hits = new Map<string, number>();
  let errorSamples: ServerStats['errorSamples'] = [];
  app.use((req: Request, res: Response, next: NextFunction) => {
    const t0 = performance.now();
    if (errorSamples.length < 12) {
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        if (res.statusCode >= 400 && errorSamples.length < 12 && args[0] != null && typeof args[0] !== 'function') {
          errorSamples.push({ route: routeOf(req.method, req.path), status: res.statusCode, body: String(args[0]).slice(0, 400) });
        }
        return end(...args);
      }) as typeof res.end;
    }
    res.on('finish', () => {
      const route = routeOf(req.method, req.path);
      let list = took.get(route);
      if (!list) took.set(route, (list = []));
      list.push(performance.now() - t0);
      let counts = statuses.get(route);
      if (!counts) statuses.set(route, (counts = {}));
      counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
      if (res.getHeader('x-cache') === 'hit') hits.set(route, (hits.get(route) ?? 0) + 1);
    });
    next();
  });

  const delay = monitorEventLoopDelay({ resolution: 10 });
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  let marked = performance.now();
  let statementsAtMark = extra.statements?.() ?? 0;
  let waiting: number[] = [];
  let busy: number[] = [];
  let sampler: NodeJS.Timeout | undefined;
  let session: Session | undefined;
  let scenario = '';

  process.on('message', async (message: { type: string; scenario?: string }) => {
    if (message.type === 'mark') {
      scenario = message.scenario ?? 'scenario';
      extra.topStatements?.reset();
      if (process.env.BENCH_LOAD_PROFILE === '1') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
      }
      took = new Map();
      statuses = new Map();
      hits = new Map();
      errorSamples = [];
      waiting = [];
      busy = [];
      delay.reset();
      delay.enable();
      const pool = extra.pool?.();
      if (pool && !sampler) {
        sampler = setInterval(() => {
          waiting.push(pool.waitingCount);
          busy.push(pool.totalCount - pool.idleCount);
        }, 50);
      }
      elu = performance.eventLoopUtilization();
      cpu = process.cpuUsage();
      marked = performance.now();
      statementsAtMark = extra.statements?.() ?? 0;
      process.send!({ type: 'marked' });
    } else if (message.type === 'report') {
      let profile: ProfileSummary | undefined;
      if (session) {
        const { profile: taken } = await session.post('Profiler.stop');
        session.disconnect();
        session = undefined;
        mkdirSync('test-results/bench-load-profiles', { recursive: true });
        writeFileSync(`test-results/bench-load-profiles/${scenario}.cpuprofile`, JSON.stringify(taken));
        profile = summarise(taken as never);
      }
      delay.disable();
      if (sampler) clearInterval(sampler);
      sampler = undefined;
      const used = process.cpuUsage(cpu);
      const stats: ServerStats = {
        wallMs: performance.now() - marked,
        eventLoopUtilisation: performance.eventLoopUtilization(elu).utilization,
        cpuMs: (used.user + used.system) / 1000,
        eventLoopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
        ...(extra.statements ? { statements: extra.statements() - statementsAtMark } : {}),
        ...(extra.topStatements ? { topStatements: extra.topStatements.top(12) } : {}),
        ...(profile ? { profile } : {}),
        ...(extra.pool ? { pool: { meanWaiting: mean(waiting), maxWaiting: Math.max(0, ...waiting), meanBusy: mean(busy) } } : {}),
        routes: Object.fromEntries([...took].map(([route, ms]) => [route, { latency: latency(ms), statuses: statuses.get(route) ?? {}, cacheHits: hits.get(route) ?? 0 }])),
        errorSamples,
        rssMb: Math.round(process.memoryUsage().rss / 1048576),
      };
      process.send!({ type: 'report', stats });
    } else if (message.type === 'stop') {
      void app.close().then(() => process.exit(0));
    }
  });
}

/** Runs a bench server as run.js's child: builds it, listens on a free port of 127.0.0.1 and says ready (or dies). */
export function runChild(name: string, build: () => Promise<INestApplication>): void {
  const main = async () => {
    if (!process.send) throw new Error(`${name} is started by bench/load/run.js`);
    const started = performance.now();
    const app = await build();
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    process.send({ type: 'ready', port, bootMs: performance.now() - started });
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
