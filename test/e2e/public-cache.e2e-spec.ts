import request from 'supertest';
import { PublicCache } from '@daogang/platform';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer, eventually } from '../support/http.js';

/**
 * Anonymous job search and job pages are kept in memory (PublicCache) and evicted when the indexer applies a change
 * to the order (or to its employer's name). The polls below give the change at most 5 s to show: without the eviction
 * the old answer would stay for PUBLIC_CACHE_SECONDS (60).
 */
let api: TestApi;
let xiamen: string;
let admin: string;
const XIAMEN_EMPLOYER = '7d0b6a1e-3c55-4f0e-9a43-1f2b3c4d5e01';

beforeAll(async () => {
  api = await startTestApi();
  [xiamen, admin] = await Promise.all(['employer_xiamen', 'admin'].map((l) => bearer(api.url, l)));
});
afterAll(async () => {
  await api?.close();
});

const page = (id: string) => request(api.url).get(`/api/job-orders/${id}`);
const search = (q: string) => request(api.url).get(`/api/jobs/search?q=${encodeURIComponent(q)}`);


async function xiamenJob(): Promise<{ id: string; title: string }> {
  const res = await search('xiamen');
  expect(res.body.items.length).toBeGreaterThan(0);
  return res.body.items[0];
}

describe('public cache', () => {
  it('answers an anonymous job page from memory the second time, with an ETag a browser can revalidate', async () => {
    const { id } = await xiamenJob();
    const first = await page(id);
    const second = await page(id);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.headers.etag).toBe(first.headers.etag);
    // helmet's headers come with a hit too.
    expect(second.headers['x-content-type-options']).toBe('nosniff');
    const revalidated = await page(id).set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);
    // An upper-case id is the same order (UUIDs are case-insensitive).
    expect((await page(id.toUpperCase())).body.id).toBe(id);
  });

  it('never answers a signed-in caller from memory', async () => {
    const { id } = await xiamenJob();
    await page(id);
    const signedIn = await page(id).set('Authorization', xiamen);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['x-cache']).toBeUndefined();
    expect(signedIn.body.version).toBeGreaterThan(0);
  });

  it('evicts the page and the searches once an order changes', async () => {
    const { id } = await xiamenJob();
    expect((await page(id)).status).toBe(200);
    expect((await page(id.toUpperCase())).status).toBe(200);
    expect((await search('叉车司机')).body.total).toBe(0);
    expect((await search('叉车司机')).headers['x-cache']).toBe('hit');
    const current = await page(id).set('Authorization', xiamen);
    const changed = await request(api.url).patch(`/api/job-orders/${id}`).set('Authorization', xiamen)
      .send({ version: current.body.version, title: '叉车司机（持证上岗）' });
    expect(changed.status).toBe(200);
    const after = await eventually(() => page(id), (res) => res.body.title === '叉车司机（持证上岗）', 5000);
    expect(after.body.title).toBe('叉车司机（持证上岗）');
    const found = await eventually(() => search('叉车司机'), (res) => res.body.total === 1, 5000);
    expect(found.body.items.map((h: { id: string }) => h.id)).toEqual([id]);
    // The page asked for with an upper-case id is the same order, evicted with it.
    expect((await eventually(() => page(id.toUpperCase()), (res) => res.body.title === '叉车司机（持证上岗）', 5000)).body.title)
      .toBe('叉车司机（持证上岗）');
  });

  it('evicts once per change: the indexer re-reads the outbox of the last seconds, but does not apply a row twice', async () => {
    const { id } = await xiamenJob();
    const current = await page(id).set('Authorization', xiamen);
    await request(api.url).patch(`/api/job-orders/${id}`).set('Authorization', xiamen)
      .send({ version: current.body.version, wageMax: current.body.wageMax + 100 }).expect(200);
    await eventually(() => page(id), (res) => res.body.wageMax === current.body.wageMax + 100, 5000);
    // Cached again, and still cached over the next 3 s (the outbox overlap is 5 s, the indexer polls every second).
    await search('xiamen');
    const answers = [];
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 500));
      answers.push((await search('xiamen')).headers['x-cache']);
    }
    expect(answers).toEqual(Array(6).fill('hit'));
  });

  it('shows an employer’s new name on its job pages and in search (the orders are announced again)', async () => {
    const { id } = await xiamenJob();
    expect((await page(id)).body.employerName).toBe('厦门集美宏泰电子有限公司');
    const employer = await request(api.url).get(`/api/employers/${XIAMEN_EMPLOYER}`).set('Authorization', admin);
    const renamed = await request(api.url).patch(`/api/employers/${XIAMEN_EMPLOYER}`).set('Authorization', admin)
      .send({ version: employer.body.version, name: '厦门集美宏泰智能电子有限公司' });
    expect(renamed.status).toBe(200);
    const after = await eventually(() => page(id), (res) => res.body.employerName === '厦门集美宏泰智能电子有限公司', 5000);
    expect(after.body.employerName).toBe('厦门集美宏泰智能电子有限公司');
    const hits = await eventually(() => search('宏泰智能'), (res) => res.body.total > 0, 5000);
    expect(hits.body.items.every((h: { employerName: string }) => h.employerName === '厦门集美宏泰智能电子有限公司')).toBe(true);
  });

  it('keeps no 4xx: a missing order, a draft, a bad query', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const [draft] = await api.dataSource.query(`SELECT id FROM job_orders WHERE status = 'draft' LIMIT 1`);
    const before = api.app.get(PublicCache).stats().stored;
    for (const url of [`/api/job-orders/${missing}`, `/api/job-orders/${draft.id}`]) {
      const twice = [await request(api.url).get(url), await request(api.url).get(url)];
      expect(twice.map((r) => r.status)).toEqual([404, 404]);
      expect(twice.map((r) => r.headers['x-cache'])).toEqual([undefined, undefined]);
    }
    expect((await request(api.url).get('/api/jobs/search?page=0')).status).toBe(400);
    expect(api.app.get(PublicCache).stats().stored).toBe(before);
  });
});
