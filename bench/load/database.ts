import { dataSourceOptions } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import pg from 'pg';
import { DataSource } from 'typeorm';

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface BenchMeta {
  jobs: number;
  workers: number;
  version: number;
  /** The day the dates (start, expiry, publication) are relative to; moved forward on later runs. */
  today: string;
  /** Name of the last migration the data was generated under. */
  migration: string;
  /** Seconds the generation took. */
  seconds: number;
}

const lastMigration = () => (SCHEMA.migrations as Array<{ name: string }>).at(-1)!.name;

/**
 * The bench database, created and migrated here (as bench/followup does); reused while it holds this generation (same
 * numbers of job orders and workers, same generator version). New migrations are run on a reused database, so a schema
 * change is measured too.
 */
export async function openDatabase(
  name: string,
  want: Pick<BenchMeta, 'jobs' | 'workers' | 'version'>,
  fresh: boolean,
): Promise<{ ds: DataSource; meta?: BenchMeta }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
  const make = () => new DataSource(dataSourceOptions({ DATABASE_URL: databaseUrl(name), DATABASE_POOL_SIZE: 4 }, SCHEMA));
  if (exists && !fresh) {
    const probe = make();
    await probe.initialize();
    const [t] = await probe.query(`SELECT to_regclass('bench_meta') AS t`);
    const meta: BenchMeta | undefined = t.t
      ? (await probe.query(`SELECT jobs, workers, version, to_char(today, 'YYYY-MM-DD') AS today, migration, seconds FROM bench_meta`))[0]
      : undefined;
    if (meta && meta.jobs === want.jobs && meta.workers === want.workers && meta.version === want.version) {
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

export async function writeMeta(ds: DataSource, meta: Omit<BenchMeta, 'migration'>): Promise<void> {
  await ds.query(`DROP TABLE IF EXISTS bench_meta`);
  await ds.query(
    `CREATE TABLE bench_meta AS SELECT $1::int AS jobs, $2::int AS workers, $3::int AS version, $4::date AS today, $5::text AS migration, $6::float8 AS seconds`,
    [meta.jobs, meta.workers, meta.version, meta.today, lastMigration(), meta.seconds],
  );
}
