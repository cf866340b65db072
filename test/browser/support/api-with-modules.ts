// The real API with feature modules that AppModule does not import yet (a library finished before the lead wires it
// into apps/api, e.g. the retention reports' RetentionModule). Once AppModule imports them all, this is exactly
// startTestApi(). Until then: the same app module plus those, on a fresh test database with the demo seeded, with the
// global prefix and validation pipe of apps/api/src/bootstrap.ts (as test/e2e/followup-retention.e2e-spec.ts does).
import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { IndexSyncService } from '@daogang/indexing';
import { createValidationPipe } from '@daogang/platform';
import { seedDemo } from '@daogang/schema';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/api/src/app.module.js';
import { startTestApi, type TestApi } from '../../support/app.js';
import { testConfig } from '../../support/config.js';
import { createTestDatabase } from '../../support/database.js';

export async function startTestApiWith(modules: Array<Type<unknown>>): Promise<TestApi> {
  const db = await createTestDatabase();
  const config = testConfig(db.url);
  const root = AppModule.with(config);
  const missing = modules.filter((m) => !(root.imports as unknown[]).includes(m));
  if (!missing.length) {
    await db.drop();
    return startTestApi();
  }
  class WithModules {}
  Module({ imports: [root, ...missing] })(WithModules);
  const app = await NestFactory.create<NestExpressApplication>(WithModules, { logger: ['error', 'warn'] });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  await seedDemo(app);
  await app.get(IndexSyncService).sync();
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    config,
    db,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
