import pg from 'pg';
import request from 'supertest';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/**
 * Faults through the real API: the database goes away under a running API (its connections killed, new ones
 * refused), then comes back. Requests meanwhile get a 503 with Retry-After and the common body — never a 500, never
 * a partial write — and the API serves again without a restart.
 */
let api: TestApi;
let officer: string;

beforeAll(async () => {
  api = await startTestApi();
  officer = await bearer(api.url, 'officer_linxia');
});
afterAll(async () => {
  await admin(`ALTER DATABASE "${api.db.name}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
  await api?.close();
});

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: api.db.url.replace(/\/[^/]+$/, '/postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Refuses new connections to the test database and ends the ones the API holds. */
async function databaseAway(): Promise<void> {
  await admin(`ALTER DATABASE "${api.db.name}" WITH ALLOW_CONNECTIONS false`);
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${api.db.name}' AND pid <> pg_backend_pid()`);
}

describe('database unavailable', () => {
  it('answers 503 with Retry-After while the database is away, writes nothing, and serves again when it is back', async () => {
    const before = await request(api.url).get('/api/workers').set('Authorization', officer);
    expect(before.status).toBe(200);
    const total = before.body.total;
    const body = workerInput('622925');

    await databaseAway();
    try {
      for (const call of [
        () => request(api.url).get('/api/workers').set('Authorization', officer),
        () => request(api.url).post('/api/workers').set('Authorization', officer).send(body),
        () => request(api.url).get('/api/reports/dashboard').set('Authorization', officer),
      ]) {
        const res = await call();
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' });
      }
      const ready = await request(api.url).get('/api/health/ready');
      expect(ready.status).toBe(503);
    } finally {
      await admin(`ALTER DATABASE "${api.db.name}" WITH ALLOW_CONNECTIONS true`);
    }

    // Back: the pool reconnects by itself; the refused write left nothing behind, and now goes through once.
    const after = await request(api.url).get('/api/workers').set('Authorization', officer);
    expect(after.status).toBe(200);
    expect(after.body.total).toBe(total);
    const created = await request(api.url).post('/api/workers').set('Authorization', officer).send(body);
    expect(created.status).toBe(201);
    expect((await request(api.url).get('/api/workers').set('Authorization', officer)).body.total).toBe(total + 1);
  });
});

describe('search engine unavailable', () => {
  it('job and worker searches answer from the database, flagged degraded, while Meilisearch does not answer', async () => {
    // An API configured for a Meilisearch that is not there (nothing listens on the port).
    const away = await startTestApi({ config: { MEILI_HOST: 'http://127.0.0.1:9', MEILI_API_KEY: 'x'.repeat(16) } });
    try {
      const jobs = await request(away.url).get('/api/jobs/search').query({ q: '电子' });
      expect(jobs.status).toBe(200);
      expect(jobs.body).toMatchObject({ degraded: true, engine: 'database' });
      expect(jobs.body.total).toBeGreaterThan(0);
      const auth = await bearer(away.url, 'officer_linxia');
      const workers = await request(away.url).get('/api/workers-search').query({ q: '马', status: 'not_employed' }).set('Authorization', auth);
      expect(workers.status).toBe(200);
      expect(workers.body).toMatchObject({ degraded: true, engine: 'database' });
      const [{ n }] = await away.dataSource.query(
        `SELECT count(*)::int AS n FROM workers WHERE home_county_code IN ('622921', '622925') AND name LIKE '%马%' AND employment_status = 'not_employed'`);
      expect(workers.body.total).toBe(n);
      expect(n).toBeGreaterThan(0);
      expect(workers.body.items.every((w: { name: string; status: string }) => w.name.includes('马') && w.status === '未就业')).toBe(true);
    } finally {
      await away.close();
    }
  }, 60_000);
});
