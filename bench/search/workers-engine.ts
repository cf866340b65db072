/**
 * The 2M-worker index in a process of its own, so that its memory is measured from a clean start (nothing of the
 * jobs phase left in the heap or the allocator): generate the workers in batches, index them in the embedded
 * engine (batches of 5,000, as IndexSync writes), measure RSS/heap/external before and after, then the query mix.
 */
import { Logger } from '@nestjs/common';
import { RegionsService, WORKERS_INDEX, WORKERS_INDEX_SETTINGS, WorkersIndex } from '@daogang/registry';
import { EmbeddedSearchEngine, type SearchDocument } from '@daogang/search';
import { places, worker } from './generate.js';
import { enginePass, memory, type Memory } from './measure.js';
import { captureWorkerQueries, workerQueries } from './queries.js';
import { GIVEN, SURNAMES } from './vocab.js';

export interface WorkersEngineResult {
  docs: number;
  generateSeconds: number;
  indexSeconds: number;
  before: Memory;
  after: Memory;
  /** Latencies (ms) of the warm-up pass and of each measured pass, in query order. */
  warmup: number[];
  passes: number[][];
  totals: number[];
}

const BATCH = 5000;

async function main(): Promise<void> {
  if (!process.send) throw new Error('workers-engine is started by bench/search/run.js');
  Logger.overrideLogger(['warn', 'error']);
  const count = Number(process.env.BENCH_WORKERS);
  const queryCount = Number(process.env.BENCH_QUERIES);
  const regions = new RegionsService();
  const p = places(regions);
  const index = new WorkersIndex(regions);
  const queries = workerQueries(p, queryCount, { surnames: SURNAMES, given: GIVEN });
  await captureWorkerQueries(regions, queries);
  const engine = new EmbeddedSearchEngine();
  await engine.ensureIndex(WORKERS_INDEX, WORKERS_INDEX_SETTINGS);
  const before = await memory();
  let generateMs = 0;
  let indexMs = 0;
  for (let from = 0; from < count; from += BATCH) {
    let t = performance.now();
    const docs: SearchDocument[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i++) docs.push(index.document(worker(p, i)));
    generateMs += performance.now() - t;
    t = performance.now();
    await engine.upsert(WORKERS_INDEX, docs);
    indexMs += performance.now() - t;
    if ((from / BATCH) % 40 === 39) process.stderr.write(`  workers indexed: ${from + BATCH}\n`);
  }
  const after = await memory();
  const warmup = await enginePass(engine, WORKERS_INDEX, queries);
  const passes: number[][] = [];
  for (let pass = 0; pass < 3; pass++) passes.push((await enginePass(engine, WORKERS_INDEX, queries)).ms);
  const result: WorkersEngineResult = {
    docs: count, generateSeconds: generateMs / 1000, indexSeconds: indexMs / 1000, before, after,
    warmup: warmup.ms, passes, totals: warmup.totals,
  };
  process.send(result, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
