/** Percentiles, memory readings, and the engine latency passes shared by the phases. */
import type { SearchEngine, SearchQuery } from '@daogang/search';

export const gc = (globalThis as { gc?: () => void }).gc;
export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summary(values: readonly number[]): Summary {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
    mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
  };
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

/** After a full GC when --expose-gc is given (twice: weak references and finalisers of native bitmaps). */
export async function memory(): Promise<Memory> {
  if (gc) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
  }
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

/** Runs every query once; latencies in ms (the engine call as the API makes it: validation included). */
export async function enginePass(engine: SearchEngine, index: string, queries: ReadonlyArray<{ search: SearchQuery }>): Promise<{ ms: number[]; totals: number[] }> {
  const ms: number[] = [];
  const totals: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    const result = await engine.search(index, q.search);
    ms.push(performance.now() - started);
    totals.push(result.estimatedTotalHits);
  }
  return { ms, totals };
}

/** p95 per kind of query, over all passes. */
export function byKind(queries: ReadonlyArray<{ kind: string }>, passes: readonly number[][]): Record<string, Summary> {
  const groups = new Map<string, number[]>();
  for (const pass of passes) {
    queries.forEach((q, i) => {
      const list = groups.get(q.kind) ?? [];
      list.push(pass[i]);
      groups.set(q.kind, list);
    });
  }
  return Object.fromEntries([...groups].map(([kind, values]) => [kind, summary(values)]));
}

/** Indexes 0, s, 2s, …, 1, s+1, …: any prefix of this order is a sample spread over the whole mix. */
export function strideOrder(n: number, stride = 10): number[] {
  const out: number[] = [];
  for (let start = 0; start < stride; start++) for (let i = start; i < n; i += stride) out.push(i);
  return out;
}
