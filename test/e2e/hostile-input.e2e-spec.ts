import request from 'supertest';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/**
 * Hostile input through the real API and PostgreSQL: each is refused with a 4xx that names the field in Chinese,
 * and nothing is written. (Uploads — oversized, wrong type, path traversal in file names — are in import.e2e-spec.)
 */
let api: TestApi;
let officer: string, employer: string;

beforeAll(async () => {
  api = await startTestApi();
  [officer, employer] = await Promise.all([bearer(api.url, 'officer_linxia'), bearer(api.url, 'employer_xiamen')]);
});
afterAll(async () => {
  await api?.close();
});

const count = async (table: string) => (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));

describe('hostile input', () => {
  it('mass assignment: fields a client may not set are refused by name, not ignored', async () => {
    const workers = await count('workers');
    const res = await request(api.url).post('/api/workers').set('Authorization', officer)
      .send({ ...workerInput('622925'), id: '00000000-0000-4000-8000-000000000001', completeness: 100, createdBy: 'x', version: 9 });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual({ id: '不允许提交此字段', completeness: '不允许提交此字段', createdBy: '不允许提交此字段', version: '不允许提交此字段' });
    expect(await count('workers')).toBe(workers);

    const users = await count('users');
    const register = await request(api.url).post('/api/auth/register')
      .send({ mobile: '13912345678', password: 'daogang123456', displayName: '冒充', role: 'admin', countyCodes: ['622925'] });
    expect(register.status).toBe(400);
    expect(fields(register.body)).toMatchObject({ role: '不允许提交此字段', countyCodes: '不允许提交此字段' });
    expect(await count('users')).toBe(users);

    const orders = await count('job_orders');
    const order = await request(api.url).post('/api/job-orders').set('Authorization', employer)
      .send({ title: '电子厂普工', category: 'electronics', headcount: 5, wageMin: 5000, wageMax: 6000, employerId: '00000000-0000-4000-8000-000000000002', status: 'published', placesFilled: 5 });
    expect(order.status).toBe(400);
    expect(fields(order.body)).toMatchObject({ status: '不允许提交此字段', placesFilled: '不允许提交此字段' });
    const other = await request(api.url).post('/api/job-orders').set('Authorization', employer)
      .send({ title: '电子厂普工', category: '电子厂', headcount: 5, wageMin: 5000, wageMax: 6000, startDate: '2027-06-01', employerId: '00000000-0000-4000-8000-000000000002' });
    expect(other.status).toBe(400);
    expect(fields(other.body)).toEqual({ employerId: '只能为本企业发布招聘' });
    expect(await count('job_orders')).toBe(orders);
  });

  it('SQL and filter injection in search and list parameters change nothing and leak nothing', async () => {
    const tables = await count('pg_tables');
    for (const q of [`' OR 1=1 --`, `'; DROP TABLE workers; --`, `电子厂" OR category = "x`, `city = 350200 OR 1=1`, `%' UNION SELECT id_number_encrypted FROM workers --`]) {
      const jobs = await request(api.url).get('/api/jobs/search').query({ q });
      expect(jobs.status).toBe(200);
      expect(JSON.stringify(jobs.body)).not.toMatch(/id_number|encrypted/);
      const workers = await request(api.url).get('/api/workers').query({ q }).set('Authorization', officer);
      expect(workers.status).toBeLessThan(500);
      expect(workers.status === 200 ? workers.body.items.length : 0).toBe(0);
    }
    // Parameters that name columns, sorts or filters only take their listed values.
    const sort = await request(api.url).get('/api/jobs/search').query({ sort: 'wage_max; DROP TABLE job_orders' });
    expect(sort.status).toBe(400);
    expect(fields(sort.body).sort).toContain('排序无效');
    const category = await request(api.url).get('/api/jobs/search').query({ category: `electronics' OR '1'='1` });
    expect(category.status).toBe(400);
    const city = await request(api.url).get('/api/jobs/search').query({ city: '350200 OR 1=1' });
    expect(city.status).toBe(400);
    expect(fields(city.body).city).toBe('市代码必须是6位数字');
    const listSort = await request(api.url).get('/api/workers').query({ sort: 'name desc, (SELECT 1)' }).set('Authorization', officer);
    expect(listSort.status).toBe(400);
    const county = await request(api.url).get('/api/reports/destinations').query({ countyCode: `622925' OR '1'='1` }).set('Authorization', officer);
    expect(county.status).toBe(400);
    // A parameter given twice (an array where a string is expected) is a type error, not a crash.
    const twice = await request(api.url).get('/api/jobs/search?q=a&q=b');
    expect(twice.status).toBe(400);
    expect(await count('pg_tables')).toBe(tables);
  });

  it('over-long strings are refused per field; an over-long URL or body with a 4xx', async () => {
    const workers = await count('workers');
    const res = await request(api.url).post('/api/workers').set('Authorization', officer)
      .send(workerInput('622925', { name: '马'.repeat(5000), village: '村'.repeat(500) }));
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res.body)).sort()).toEqual(['name', 'village']);
    expect(await count('workers')).toBe(workers);
    const search = await request(api.url).get('/api/jobs/search').query({ q: '厂'.repeat(101) });
    expect(search.status).toBe(400);
    expect(fields(search.body).q).toBe('搜索词不超过100字');
    const url = await request(api.url).get(`/api/jobs/search?q=${'a'.repeat(100_000)}`);
    expect(url.status).toBeGreaterThanOrEqual(400);
    expect(url.status).toBeLessThan(500);
    const body = await request(api.url).post('/api/workers').set('Authorization', officer).set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...workerInput('622925'), note: 'x'.repeat(3 * 1024 * 1024) }));
    expect(body.status).toBe(413);
    expect(body.body.message).toBe('提交的内容过大');
  });

  it('invalid Unicode and control characters are refused by field, in the body, the query and the path', async () => {
    const workers = await count('workers');
    for (const name of ['马\ud800军', '马\u0000军', '马\u0007军', '马\ufffd军']) {
      const res = await request(api.url).post('/api/workers').set('Authorization', officer)
        .set('Content-Type', 'application/json').send(JSON.stringify(workerInput('622925', { name })));
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual({ name: '含有无效字符（控制符或乱码），请删除后重新输入' });
    }
    // Raw bytes that are not UTF-8 (decoded to U+FFFD by the body parser).
    const [before, after] = JSON.stringify(workerInput('622925', { village: '@@' })).split('@@');
    const withBadBytes = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
    const bytes = await fetch(`${api.url}/api/workers`, {
      method: 'POST', headers: { Authorization: officer, 'Content-Type': 'application/json' }, body: withBadBytes,
    });
    expect(bytes.status).toBe(400);
    expect(fields((await bytes.json()) as never)).toEqual({ village: '含有无效字符（控制符或乱码），请删除后重新输入' });
    expect(await count('workers')).toBe(workers);

    const query = await request(api.url).get('/api/jobs/search').query({ q: '电子\u0000厂' });
    expect(query.status).toBe(400);
    expect(fields(query.body)).toEqual({ q: '含有无效字符（控制符或乱码），请删除后重新输入' });
    const path = await request(api.url).get('/api/regions/%E0%A4%A').set('Authorization', officer);
    expect(path.status).toBe(400);
  });

  it('path traversal in a route parameter reaches nothing', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '%2E%2E%2Fadmin%2Fsms', '..\\..\\windows']) {
      const res = await request(api.url).get(`/api/workers/${id}`).set('Authorization', officer);
      expect([400, 404]).toContain(res.status);
    }
  });

  it('CORS answers only the configured origins; security headers on every answer', async () => {
    const allowed = await request(api.url).options('/api/jobs/search').set('Origin', 'http://localhost:5173').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const foreign = await request(api.url).options('/api/jobs/search').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const res = await request(api.url).get('/api/jobs/search').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('registration is rate-limited per address: the attempt past the limit is a 429 and creates no account', async () => {
    const users = await count('users');
    const limit = api.config.REGISTER_RATE_LIMIT_PER_MINUTE;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const res = await request(api.url).post('/api/auth/register')
        .send({ mobile: `1371234${String(5000 + i).padStart(4, '0')}`, password: 'mima2026', displayName: '注册测试' });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    const created = statuses.filter((s) => s === 201).length;
    expect(created).toBe(limit);
    expect(await count('users')).toBe(users + created);
  });
});
