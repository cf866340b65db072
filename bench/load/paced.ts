/**
 * An open-loop load generator: requests leave on a fixed schedule (request i at start + i / rate), over a pool of
 * keep-alive connections, whether or not earlier ones were answered. Latency is counted from the scheduled time,
 * so a server (or a connection pool) that falls behind shows it in full: no coordinated omission.
 *
 * autocannon's `overallRate` is not used for this: each of its connections sends its share of a second back to back
 * at the start of every second and then waits, so the server sees a burst each second; and it records the answers
 * with HdrHistogram's expected-interval correction at a 1 ms interval, which adds made-up samples. Both distort p99.
 */
import http from 'node:http';
import type autocannon from 'autocannon';

export interface PacedOptions {
  port: number;
  connections: number;
  /** Requests a second. */
  rate: number;
  seconds: number;
  request: autocannon.Request;
  timeoutMs?: number;
}

/** The part of autocannon's result the bench reads, filled the same way. */
export type PacedResult = Pick<autocannon.Result, 'duration' | 'non2xx' | 'errors' | 'timeouts'> & {
  requests: { total: number };
  latency: { mean: number; p50: number; p90: number; p99: number; p99_9: number; max: number };
  throughput: { total: number };
  statusCodeStats: Record<string, { count: number }>;
  /** p99 of how late the generator sent a request, ms: if it is near the p99 latency, the generator was the bottleneck. */
  lateP99: number;
  /** The slowest answer of each second of the schedule, ms: where the tail came from. */
  bySecond: number[];
};

export async function paced(options: PacedOptions): Promise<PacedResult> {
  // FIFO hands requests to the connections in turn, so none idles past the server's keep-alive timeout (5 s) and has
  // to be opened again mid-run, as a proxy's pool of upstream connections would.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections, scheduling: 'fifo' });
  await open(agent, options);
  const total = Math.round(options.rate * options.seconds);
  const latencies = new Float64Array(total);
  /** How late the generator itself sent each request (its own pauses: GC, a busy loop). */
  const lateness = new Float64Array(total);
  /** Latency by request number (schedule order). */
  const byRequest = new Float64Array(total);
  const statuses: Record<string, { count: number }> = {};
  let answered = 0;
  let errors = 0;
  let timeouts = 0;
  let bytes = 0;
  let sent = 0;
  const start = performance.now();
  const interval = 1000 / options.rate;

  await new Promise<void>((resolve) => {
    const finish = () => {
      if (++answered === total) resolve();
    };
    const send = (scheduled: number) => {
      let done = false;
      const index = sent - 1;
      const answer = () => {
        if (done) return false;
        done = true;
        latencies[answered] = byRequest[index] = performance.now() - scheduled;
        finish();
        return true;
      };
      lateness[sent - 1] = performance.now() - scheduled;
      const req = next(agent, options, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          const code = String(res.statusCode);
          if (!done) (statuses[code] ??= { count: 0 }).count++;
          answer();
        });
      });
      req.setTimeout(options.timeoutMs ?? 10_000, () => {
        if (!done) timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        if (answer()) errors++;
      });
    };
    const pump = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) send(start + sent++ * interval);
      if (sent < total) setTimeout(pump, Math.max(0, Math.min(interval, 1)));
    };
    pump();
  });
  agent.destroy();

  const bySecond = Array.from({ length: Math.ceil(options.seconds) }, () => 0);
  for (let i = 0; i < total; i++) {
    const second = Math.floor((i * interval) / 1000);
    bySecond[second] = Math.max(bySecond[second], Math.round(byRequest[i]));
  }
  const sorted = latencies.slice(0, total).sort();
  const at = (q: number) => Math.round(sorted[Math.min(total - 1, Math.floor(q * total))]);
  let sum = 0;
  for (const v of sorted) sum += v;
  const non2xx = Object.entries(statuses).filter(([code]) => !code.startsWith('2')).reduce((n, [, s]) => n + s.count, 0);
  return {
    duration: (performance.now() - start) / 1000,
    requests: { total: total - errors },
    latency: { mean: sum / total, p50: at(0.5), p90: at(0.9), p99: at(0.99), p99_9: at(0.999), max: Math.round(sorted[total - 1]) },
    lateP99: Math.round(lateness.sort()[Math.floor(0.99 * total)]),
    bySecond,
    throughput: { total: bytes },
    statusCodeStats: statuses,
    non2xx,
    errors: errors - timeouts,
    timeouts,
  };
}

/** Opens the pool's connections before the schedule starts: one request on each, all at once, not counted. */
async function open(agent: http.Agent, options: PacedOptions): Promise<void> {
  await Promise.all(
    Array.from({ length: options.connections }, () => new Promise<void>((resolve) => {
      next(agent, options, (res) => {
        res.resume();
        res.on('end', () => resolve());
      }).on('error', () => resolve());
    })),
  );
}

/** Sends the scenario's next request on the pool (the body written, the request ended). */
function next(agent: http.Agent, options: PacedOptions, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
  const spec = options.request.setupRequest?.({ ...options.request }, {}) ?? options.request;
  const req = http.request({ agent, host: '127.0.0.1', port: options.port, method: spec.method ?? 'GET', path: spec.path ?? '/', headers: spec.headers }, onResponse);
  req.end(spec.body);
  return req;
}
