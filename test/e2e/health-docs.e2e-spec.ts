import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('health, docs and the queue dashboard', () => {
  it('liveness answers without a login', async () => {
    const res = await request(api.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('readiness checks the database, Redis and search', async () => {
    const res = await request(api.url).get('/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.info).sort()).toEqual(['database', 'redis', 'search']);
  });

  it('serves OpenAPI built from the code', async () => {
    const json = await request(api.url).get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.info.title).toContain('Daogang');
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/employers/{id}', '/api/health/ready']));
    const ui = await request(api.url).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('sets security headers', async () => {
    const res = await request(api.url).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('the queue dashboard is for admins only', async () => {
    expect((await request(api.url).get('/api/admin/queues')).status).toBe(401);
    const broker = await bearer(api.url, 'broker_linxia');
    expect((await request(api.url).get('/api/admin/queues').set('Authorization', broker)).status).toBe(403);
    const admin = await bearer(api.url, 'admin');
    const page = await request(api.url).get('/api/admin/queues').set('Authorization', admin);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const queues = await request(api.url).get('/api/admin/queues/api/queues').set('Authorization', admin);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toContain('maintenance');
  });

  it('an admin trades the bearer token for a dashboard cookie a browser can use', async () => {
    const admin = await bearer(api.url, 'admin');
    const session = await request(api.url).post('/api/admin/queue-session').set('Authorization', admin);
    expect(session.status).toBe(204);
    const cookie = session.headers['set-cookie'][0].split(';')[0];
    expect(session.headers['set-cookie'][0]).toMatch(/HttpOnly/i);
    expect((await request(api.url).get('/api/admin/queues').set('Cookie', cookie)).status).toBe(200);
  });
});
