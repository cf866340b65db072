import { createHash, randomBytes } from 'node:crypto';
import { dataSourceOptions } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** Where tests put their databases; CI and developers use the local PostgreSQL (trust auth). */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

// Named by the migrations' names and code, so an edited migration never reuses a template built from the old one.
const migrationSource = () =>
  (SCHEMA.migrations as Array<{ name: string; toString(): string }>).map((m) => `${m.name}\n${m.toString()}`).join('\n');
const TEMPLATE = () => `dg_tpl_${createHash('sha1').update(migrationSource()).digest('hex').slice(0, 12)}`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A template database built once from the migrations (never `synchronize`), named by the migrations it holds,
 * so every test file clones a fresh, fully migrated database in milliseconds and parallel Jest workers never collide.
 */
async function ensureTemplate(): Promise<string> {
  const template = TEMPLATE();
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock(424242)');
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (rowCount) return;
      const building = `${template}_build_${randomBytes(3).toString('hex')}`;
      await client.query(`CREATE DATABASE "${building}"`);
      const ds = new DataSource({ ...dataSourceOptions({ DATABASE_URL: urlFor(building), DATABASE_POOL_SIZE: 2 }, SCHEMA) });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      // Templates of older migration sets are left by other branches' runs; drop those nobody is using.
      const old = await client.query(
        `SELECT datname FROM pg_database WHERE datname LIKE 'dg_tpl_%' AND datname <> $1`,
        [template],
      );
      for (const row of old.rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(424242)');
    }
  });
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `dg_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations), for the migration round-trip test. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `dg_empty_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
