import { AppConfig, validateConfig } from '@daogang/platform';
import { databaseUrl } from '../shared/bench-database.js';

export const DATABASE = process.env.BENCH_LOAD_DB ?? 'daogang_bench_load';
/** Every worker account of the bench signs in with this password (one argon2id hash shared by all rows). */
export const PASSWORD = 'daogang-bench-2026';

/**
 * The API's configuration in the bench: production mode, the bench's own database and Redis prefix, LOG_LEVEL warn.
 * The pool (10) and the login limit (10 per address and account a minute) are the production defaults: the login
 * scenario stays within the limit by spreading over every worker account (see run.ts).
 */
export function benchConfig(overrides: Record<string, unknown> = {}): AppConfig {
  return validateConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl(DATABASE),
    DATABASE_POOL_SIZE: Number(process.env.BENCH_LOAD_POOL ?? 10),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: DATABASE,
    JWT_ACCESS_SECRET: 'bench-access-secret-bench-access-secret-01',
    JWT_REFRESH_SECRET: 'bench-refresh-secret-bench-refresh-secret-1',
    PII_KEYS: `b1:${Buffer.alloc(32, 5).toString('base64')}`,
    PII_HASH_SECRET: 'bench-pii-hash-secret-bench-pii-hash-secret',
    LOG_LEVEL: 'warn',
    // The production default (60); 0 measures the routes without their public cache.
    PUBLIC_CACHE_SECONDS: Number(process.env.BENCH_LOAD_CACHE_SECONDS ?? 60),
    ...overrides,
  });
}
