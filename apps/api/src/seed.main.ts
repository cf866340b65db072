import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@daogang/platform';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@daogang/schema';
import { AppModule } from './app.module.js';

/** `npm run seed`: seeds the demo into an empty, migrated database; does nothing when accounts exist. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.with(loadConfig()), { logger: ['error', 'warn'] });
  try {
    const seeded = await seedDemo(app);
    console.log(seeded ? 'Demo data seeded.' : 'Accounts exist already: demo seed skipped.');
    if (seeded) {
      console.table(DEMO_ACCOUNTS.map((a) => ({ login: a.login, password: DEMO_PASSWORD, role: a.role, who: a.note })));
    }
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
