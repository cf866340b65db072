import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/** `Idempotency-Key` on POST, through the real API and PostgreSQL: a retried request gets the first answer. */
let api: TestApi;
let officer: string, broker: string;

beforeAll(async () => {
  api = await startTestApi();
  [officer, broker] = await Promise.all([bearer(api.url, 'officer_linxia'), bearer(api.url, 'broker_linxia')]);
});
afterAll(async () => {
  await api?.close();
});

const createWorker = (auth: string, key: string | undefined, body: object) => {
  const r = request(api.url).post('/api/workers').set('Authorization', auth);
  return (key === undefined ? r : r.set('Idempotency-Key', key)).send(body);
};
const workersNamed = async (idNumber: string) =>
  (await api.dataSource.query(`SELECT count(*)::int AS n FROM workers WHERE id_number_masked = $1`, [`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`]))[0].n;

describe('Idempotency-Key', () => {
  it('a retry with the same key gets the first answer and creates nothing twice', async () => {
    const key = randomUUID();
    const body = workerInput('622925');
    const first = await createWorker(officer, key, body);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await createWorker(officer, key, body);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM workers WHERE id = $1`, [first.body.id]);
    expect(n).toBe(1);
    // Without the key the same request is a new one (and the ID number is taken: 409).
    expect((await createWorker(officer, undefined, body)).status).toBe(409);
  });

  it('the same key with another request is refused; the key belongs to its caller', async () => {
    const key = randomUUID();
    expect((await createWorker(officer, key, workerInput('622925'))).status).toBe(201);
    const other = await createWorker(officer, key, workerInput('622925'));
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ field: 'Idempotency-Key', message: '该幂等键已用于另一个请求；新的请求请换一个键' }]);
    // Another user may use the same key for their own request.
    expect((await createWorker(broker, key, workerInput('622925'))).status).toBe(201);
  });

  it('a refused request is answered the same way again, and writes nothing either time', async () => {
    const key = randomUUID();
    const bad = { ...workerInput('622925'), mobile: '12345' };
    const first = await createWorker(officer, key, bad);
    expect(first.status).toBe(400);
    const again = await createWorker(officer, key, bad);
    expect(again.status).toBe(400);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await workersNamed(bad.idNumber)).toBe(0);
  });

  it('two concurrent requests with one key: one runs, the other waits its turn or replays; one row', async () => {
    const key = randomUUID();
    const body = workerInput('622925');
    const answers = await Promise.all([createWorker(officer, key, body), createWorker(officer, key, body), createWorker(officer, key, body)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.message).toBe('相同的请求正在处理中，请稍后再查看结果');
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect(await workersNamed(body.idNumber)).toBe(1);
  });

  it('refuses a malformed key, and leaves login alone (its answer holds tokens and is never stored)', async () => {
    const long = await createWorker(officer, 'k'.repeat(129), workerInput('622925'));
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('Idempotency-Key');
    const login = () => request(api.url).post('/api/auth/login').set('Idempotency-Key', 'same').send({ login: 'admin', password: 'daogang123' });
    const [a, b] = [await login(), await login()];
    expect(a.status).toBe(200);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.refreshToken).not.toBe(a.body.refreshToken); // a second session, not the first one's answer
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'same'`);
    expect(n).toBe(0);
  });

  it('is documented on every POST of the OpenAPI document, except the auth routes', async () => {
    const doc = (await request(api.url).get('/api/docs-json')).body as { paths: Record<string, { post?: { parameters?: Array<{ name: string }> } }> };
    const posts = Object.entries(doc.paths).filter(([, item]) => item.post);
    expect(posts.length).toBeGreaterThan(30);
    for (const [path, item] of posts) {
      const documented = (item.post!.parameters ?? []).some((p) => p.name === 'Idempotency-Key');
      expect([path, documented]).toEqual([path, !path.startsWith('/api/auth/')]);
    }
  });
});
