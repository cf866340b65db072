import { AppConfig, validateConfig } from '@daogang/platform';

/** A valid configuration for tests: its own database and its own Redis key prefix. */
export function testConfig(databaseUrl: string, overrides: Record<string, unknown> = {}): AppConfig {
  const prefix = new URL(databaseUrl).pathname.slice(1);
  return validateConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: 5,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    JWT_ACCESS_SECRET: 'test-access-secret-test-access-secret-0123',
    JWT_REFRESH_SECRET: 'test-refresh-secret-test-refresh-secret-012',
    PII_KEYS: `t1:${Buffer.alloc(32, 7).toString('base64')}`,
    PII_HASH_SECRET: 'test-pii-hash-secret-test-pii-hash-secret-01',
    LOGIN_RATE_LIMIT_PER_MINUTE: 50,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...overrides,
  });
}
