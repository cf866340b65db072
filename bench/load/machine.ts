/**
 * Where the machine's CPU went during a scenario, from /proc (Linux): the whole machine (/proc/stat), PostgreSQL's
 * processes split into the backends of the bench's database (their title names it) and the rest (other databases,
 * background workers), and given processes (the API, the bare app, this load generator). The remainder is everything
 * else on the machine — another benchmark running beside this one shows there.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export interface CpuSnapshot {
  at: number;
  busyMs: number;
  /** Interrupt and softirq time (loopback networking is mostly softirq, charged to no process). */
  irqMs: number;
  totalMs: number;
  /** pid → cpu ms of every postgres process, and whether it serves the bench's database. */
  postgres: Map<number, { ms: number; ours: boolean }>;
  pids: Map<number, number>;
}

function processMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after the comm: state(0) ppid(1) … utime(11) stime(12)
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export function snapshot(database: string, pids: number[]): CpuSnapshot {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu;
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  const postgres = new Map<number, { ms: number; ours: boolean }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm !== 'postgres') continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const ms = processMs(Number(entry));
      if (ms !== undefined) postgres.set(Number(entry), { ms, ours: title.includes(` ${database} `) });
    } catch {
      // gone meanwhile
    }
  }
  return {
    at: performance.now(),
    busyMs: busy * TICK_MS,
    irqMs: (irq + softirq) * TICK_MS,
    totalMs: (busy + idle + iowait) * TICK_MS,
    postgres,
    pids: new Map(pids.map((pid) => [pid, processMs(pid) ?? 0])),
  };
}

export interface CpuShare {
  /** Cores available (os CPUs). */
  cores: number;
  wallS: number;
  /** Cores busy on average, whole machine. */
  machine: number;
  /** Cores used by the bench database's backends, and by the rest of PostgreSQL. */
  postgresOurs: number;
  postgresOther: number;
  /** Cores used by each given pid. */
  pids: Record<number, number>;
  /** Interrupts and softirqs (network stack work charged to no process). */
  irq: number;
  /** Everything else on the machine. */
  rest: number;
}

export function share(a: CpuSnapshot, b: CpuSnapshot, cores: number): CpuShare {
  const wallMs = b.at - a.at;
  const per = (ms: number) => Math.round((ms / wallMs) * 100) / 100;
  let ours = 0;
  let other = 0;
  for (const [pid, now] of b.postgres) {
    const before = a.postgres.get(pid)?.ms ?? 0;
    if (now.ours) ours += now.ms - before;
    else other += now.ms - before;
  }
  const pids: Record<number, number> = {};
  let named = 0;
  for (const [pid, now] of b.pids) {
    const used = now - (a.pids.get(pid) ?? 0);
    pids[pid] = per(used);
    named += used;
  }
  const busy = b.busyMs - a.busyMs;
  const irq = b.irqMs - a.irqMs;
  return {
    cores, wallS: Math.round(wallMs / 100) / 10, machine: per(busy), postgresOurs: per(ours), postgresOther: per(other), pids, irq: per(irq),
    rest: per(Math.max(0, busy - irq - ours - other - named)),
  };
}
