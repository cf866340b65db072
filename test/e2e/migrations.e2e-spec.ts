import { dataSourceOptions } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import { DataSource } from 'typeorm';
import { createEmptyDatabase, TestDatabase } from '../support/database.js';

let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createEmptyDatabase();
  ds = new DataSource(dataSourceOptions({ DATABASE_URL: db.url, DATABASE_POOL_SIZE: 2 }, SCHEMA));
  await ds.initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const tables = async () =>
  (
    await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)
  ).map((r: { tablename: string }) => r.tablename);

describe('migrations', () => {
  it('run up to the latest, leave no drift from the entities, revert to nothing and run up again', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe((SCHEMA.migrations as unknown[]).length);
    expect(await tables()).toEqual(expect.arrayContaining(['users', 'refresh_tokens', 'user_counties', 'employers']));

    // The entities and the migrated schema agree: a generated migration would be empty.
    const drift = await ds.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);

    for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(expect.arrayContaining(['users', 'refresh_tokens', 'user_counties', 'employers']));
  });
});
