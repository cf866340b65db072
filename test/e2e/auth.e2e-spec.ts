import request from 'supertest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@daogang/schema';
import { Role } from '@daogang/platform';
import { startTestApi, TestApi } from '../support/app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const http = () => request(api.url);

async function login(loginName: string, password = DEMO_PASSWORD) {
  return http().post('/api/auth/login').send({ login: loginName, password });
}

describe('accounts: login and tokens', () => {
  it.each(Object.values(Role))('a %s logs in and sees themselves', async (role) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
    const res = await login(account.login);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role, displayName: account.displayName });
    const me = await http().get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.user.id, role });
  });

  it('workers log in by mobile number, written any common way', async () => {
    for (const written of ['13900000001', '139 0000 0001', '+86 13900000001']) {
      const res = await login(written);
      expect(res.status).toBe(200);
      expect(res.body.user.mobile).toBe('139****0001');
    }
  });

  it('a wrong password is 401 with the common body, and does not say whether the account exists', async () => {
    const wrong = await login('broker_linxia', 'not-the-password1');
    const unknown = await login('nobody_here', 'not-the-password1');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: '账号或密码错误' });
    }
  });

  it('refresh rotates the token; presenting a used one revokes the whole family', async () => {
    const first = (await login('officer_linxia')).body;
    const second = await http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const replay = await http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    const afterTheft = await http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken });
    expect(afterTheft.status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const tokens = (await login('coordinator')).body;
    expect((await http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken })).status).toBe(204);
    expect((await http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('a tampered access token is 401', async () => {
    const { accessToken } = (await login('admin')).body;
    const tampered = accessToken.slice(0, -3) + (accessToken.endsWith('abc') ? 'xyz' : 'abc');
    const res = await http().get('/api/auth/me').set('Authorization', `Bearer ${tampered}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('accounts: worker self-registration', () => {
  it('registers with a mobile number and can log in with it', async () => {
    const res = await http().post('/api/auth/register').send({ mobile: '15800001111', password: 'mima2026', displayName: '冶海军' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'worker', displayName: '冶海军', mobile: '158****1111' });
    expect((await login('15800001111', 'mima2026')).status).toBe(200);
  });

  it('refuses bad input with a 400 naming every field in Chinese', async () => {
    const res = await http().post('/api/auth/register').send({ mobile: '12345', password: 'short', displayName: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries(res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(fields.mobile).toMatch(/手机号/);
    expect(fields.password).toMatch(/密码/);
    expect(fields.displayName).toMatch(/姓名/);
  });

  it('refuses fields that are not part of the form (no mass assignment)', async () => {
    const res = await http().post('/api/auth/register').send({ mobile: '15800002222', password: 'mima2026', displayName: '张三', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'role', message: '不允许提交此字段' }]);
    expect((await login('15800002222', 'mima2026')).status).toBe(401);
  });

  it('the same mobile number twice is a 409', async () => {
    const res = await http().post('/api/auth/register').send({ mobile: '13900000001', password: 'mima2026', displayName: '重复' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', message: '该手机号已注册，请直接登录' });
  });
});
