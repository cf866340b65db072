import { dataSourceOptions } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** The benches' shared database helpers: a database per bench, generated once and kept for the next run. */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** What a generation is (sizes and generator version: equal means reusable), and when and how long it was made. */
export interface BenchMeta {
  identity: Record<string, number>;
  /** The generation day (Beijing): the bench's dates are relative to it. */
  today: string;
  /** Name of the last migration the data was generated under. */
  migration: string;
  /** Seconds the generation took, when recorded. */
  seconds: number | null;
}

const lastMigration = () => (SCHEMA.migrations as Array<{ name: string }>).at(-1)!.name;
const same = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * The bench database, created and migrated here; reused while it holds the same generation (`identity`: sizes and
 * generator version). New migrations are run on a reused database, so a schema change is measured too.
 */
export async function openDatabase(
  name: string,
  identity: Record<string, number>,
  fresh: boolean,
  poolSize = 4,
): Promise<{ ds: DataSource; meta?: BenchMeta }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  const make = () => new DataSource(dataSourceOptions({ DATABASE_URL: databaseUrl(name), DATABASE_POOL_SIZE: poolSize }, SCHEMA));
  if (exists && !fresh) {
    const probe = make();
    await probe.initialize();
    const [t] = await probe.query(`SELECT to_regclass('bench_meta') AS t, EXISTS (SELECT 1 FROM information_schema.columns
       WHERE table_name = 'bench_meta' AND column_name = 'identity') AS current`);
    const meta: BenchMeta | undefined = t.t && t.current
      ? (await probe.query(`SELECT identity, to_char(today, 'YYYY-MM-DD') AS today, migration, seconds FROM bench_meta`))[0]
      : undefined;
    if (meta && same(meta.identity, identity)) {
      await admin.end();
      await probe.runMigrations({ transaction: 'each' });
      return { ds: probe, meta };
    }
    await probe.destroy();
  }
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const ds = make();
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return { ds };
}

/** Records the generation (after it is complete: a run cut off mid-way regenerates). */
export async function writeMeta(ds: DataSource, identity: Record<string, number>, today: string, seconds: number | null = null): Promise<void> {
  await ds.query(`DROP TABLE IF EXISTS bench_meta`);
  await ds.query(`CREATE TABLE bench_meta AS SELECT $1::jsonb AS identity, $2::date AS today, $3::text AS migration, $4::float8 AS seconds`, [
    JSON.stringify(identity), today, lastMigration(), seconds,
  ]);
}
