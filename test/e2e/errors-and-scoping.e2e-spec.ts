import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

let api: TestApi;
const XIAMEN = '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e01';
const JIAXING = '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e02';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('one error body everywhere', () => {
  it('400: malformed JSON is refused with the common body, not a 500', async () => {
    const res = await request(api.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"login": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求格式不正确' });
  });

  it('400: wrong types name each field', async () => {
    const res = await request(api.url).post('/api/auth/login').send({ login: 12, password: ['x'] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['login', 'password']);
  });

  it('400: a route id that is not a UUID', async () => {
    const auth = await bearer(api.url, 'admin');
    const res = await request(api.url).get("/api/employers/1' OR '1'='1").set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'id', message: '编号格式不正确（应为 UUID）' }]);
  });

  it('400: paging out of range', async () => {
    const auth = await bearer(api.url, 'admin');
    const res = await request(api.url).get('/api/employers?page=0&pageSize=1000').set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'page', message: '页码从1开始' },
        { field: 'pageSize', message: '每页最多100条' },
      ]),
    );
  });

  it('401: no token', async () => {
    const res = await request(api.url).get('/api/employers');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('403: a role without the right', async () => {
    const auth = await bearer(api.url, '13900000001');
    const res = await request(api.url).get('/api/employers').set('Authorization', auth);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: '您的账号角色不能使用此功能' });
  });

  it('404: an unknown route and an unknown record', async () => {
    const auth = await bearer(api.url, 'admin');
    const route = await request(api.url).get('/api/no-such-thing').set('Authorization', auth);
    expect(route.status).toBe(404);
    expect(route.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '请求的资源不存在' });
    const record = await request(api.url).get('/api/employers/00000000-0000-4000-8000-000000000000').set('Authorization', auth);
    expect(record.status).toBe(404);
    expect(record.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '企业不存在：00000000-0000-4000-8000-000000000000' });
  });

  it('409: an account name taken', async () => {
    const auth = await bearer(api.url, 'admin');
    const res = await request(api.url)
      .post('/api/admin/users')
      .set('Authorization', auth)
      .send({ role: 'coordinator', username: 'coordinator', password: 'abc12345', displayName: '重名' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ statusCode: 409, code: 'CONFLICT', message: '该账号已存在', details: { field: 'username' } });
  });

  it('400: cross-field rules of a new account, and nothing half-written', async () => {
    const auth = await bearer(api.url, 'admin');
    const res = await request(api.url)
      .post('/api/admin/users')
      .set('Authorization', auth)
      .send({ role: 'broker', username: 'broker_new', password: 'abc12345', displayName: '新经纪人', countyCodes: ['62292X'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'countyCodes', message: '县代码必须是6位数字（GB/T 2260）' }]);
    const { count } = (await api.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE username = 'broker_new'`))[0];
    expect(count).toBe(0);
  });
});

describe('data scoping', () => {
  it('an employer reads its own organisation', async () => {
    const auth = await bearer(api.url, 'employer_xiamen');
    const own = await request(api.url).get(`/api/employers/${XIAMEN}`).set('Authorization', auth);
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('厦门集美宏泰电子有限公司');
  });

  it("an employer cannot read another organisation: it reads as absent", async () => {
    const auth = await bearer(api.url, 'employer_xiamen');
    const other = await request(api.url).get(`/api/employers/${JIAXING}`).set('Authorization', auth);
    expect(other.status).toBe(404);
    const list = await request(api.url).get('/api/employers').set('Authorization', auth);
    expect(list.body.total).toBe(1);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([XIAMEN]);
  });

  it('a broker sees every employer (they place workers with any of them)', async () => {
    const auth = await bearer(api.url, 'broker_linxia');
    const list = await request(api.url).get('/api/employers').set('Authorization', auth);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
  });

  it('a broker carries their counties in their identity', async () => {
    const auth = await bearer(api.url, 'broker_linxia');
    const me = await request(api.url).get('/api/auth/me').set('Authorization', auth);
    expect(me.body.countyCodes).toEqual(['622921', '622925']);
  });
});

describe('login is rate-limited', () => {
  it('the 51st attempt in a minute from one address for one account is 429', async () => {
    // testConfig allows 50 a minute so that the other tests never hit the limit.
    let last = 0;
    for (let i = 0; i < 51; i++) {
      last = (await request(api.url).post('/api/auth/login').send({ login: 'broker_wanzhou', password: 'wrong-pass1' })).status;
    }
    expect(last).toBe(429);
    const ok = await request(api.url).post('/api/auth/login').send({ login: 'broker_wanzhou', password: 'daogang123' });
    expect(ok.status).toBe(429);
    expect(ok.body.code).toBe('RATE_LIMITED');
    expect(ok.body.message).toMatch(/秒后再试/);
  });
});
