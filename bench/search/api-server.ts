/**
 * The real API in its own process (as production runs it), on the bench's database that already holds the job
 * orders: boot (IndexSync builds the jobs index from PostgreSQL — the cold build), the demo accounts for the
 * commit-to-searchable pass, then listen. Reports to the parent over IPC; stops on 'stop'.
 */
import { Logger } from '@nestjs/common';
import { IndexSyncService } from '@daogang/indexing';
import { seedDemo } from '@daogang/schema';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { testConfig } from '../../test/support/config.js';
import { memory } from './measure.js';

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url || !process.send) throw new Error('api-server is started by bench/search/run.js');
  Logger.overrideLogger(['warn', 'error']);
  const before = await memory();
  const started = performance.now();
  const app = await createApiApp(testConfig(url, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: 10 }));
  await app.init(); // IndexSync.onApplicationBootstrap: every index built from the database
  const bootMs = performance.now() - started;
  const after = await memory();
  await seedDemo(app);
  await app.get(IndexSyncService).sync();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.on('message', (message) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send({ ready: true, port, bootMs, before, after });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
