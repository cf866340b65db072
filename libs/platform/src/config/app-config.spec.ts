import { ConfigValidationError, loadConfig } from './app-config.js';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/daogang',
  JWT_ACCESS_SECRET: 'a'.repeat(32),
  JWT_REFRESH_SECRET: 'b'.repeat(32),
  PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  PII_HASH_SECRET: 'c'.repeat(32),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('accepts a complete environment and fills the defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.MEILI_HOST).toBeUndefined();
    expect(config.corsOrigins).toContain('http://localhost:5173');
  });

  it('names a missing secret', () => {
    const { JWT_ACCESS_SECRET: _, ...env } = valid;
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^JWT_ACCESS_SECRET is missing: /)]);
  });

  it('names every malformed variable at once', () => {
    const problems = problemsOf({ ...valid, PORT: 'eighty', DATABASE_URL: 'mysql://x', PII_KEYS: 'k1:short', MEILI_HOST: 'not a url' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'MEILI_HOST', 'PII_KEYS', 'PORT']);
    expect(problems.every((p) => p.includes('is malformed'))).toBe(true);
  });

  it('treats an empty MEILI_HOST as unset (embedded search)', () => {
    expect(loadConfig({ ...valid, MEILI_HOST: '' }).MEILI_HOST).toBeUndefined();
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ ...valid, HOME: '/root', PATH: '/bin' })).not.toThrow();
  });
});
