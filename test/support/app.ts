import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@daogang/platform';
import { IndexSyncService } from '@daogang/indexing';
import { seedDemo } from '@daogang/schema';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { testConfig } from './config.js';
import { createTestDatabase, TestDatabase } from './database.js';

export interface TestApi {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:41234 (routes under /api). */
  url: string;
  config: AppConfig;
  db: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the real API (same bootstrap as production) on a fresh migrated database with the demo seeded. */
export async function startTestApi(options: { seed?: boolean; config?: Record<string, unknown> } = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, options.config);
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (options.seed !== false) {
    await seedDemo(app);
    // The seed announces its rows through the outbox; catch the indexes up before the tests search.
    await app.get(IndexSyncService).sync();
  }
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    db,
    dataSource,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
