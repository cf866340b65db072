import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer, eventually } from '../support/http.js';

/** The demo seeds 4 published orders (2 Xiamen electronics, Jiaxing sewing + warehouse) and 1 draft (Jining). */
let api: TestApi;
let xiamen: string;
let worker: string;

beforeAll(async () => {
  api = await startTestApi();
  [xiamen, worker] = await Promise.all(['employer_xiamen', '13900000001'].map((l) => bearer(api.url, l)));
});
afterAll(async () => {
  await api?.close();
});

const search = (query: string, auth?: string) => {
  const req = request(api.url).get(`/api/jobs/search?${query}`);
  return auth ? req.set('Authorization', auth) : req;
};
const titles = (body: { items: Array<{ title: string }> }) => body.items.map((h) => h.title);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);


describe('job search', () => {
  it('finds the published demo orders, not the draft', async () => {
    const res = await search('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, degraded: false });
    expect(titles(res.body)).not.toContain('机加工学徒（以岗定训）');
  });

  it.each([
    ['电子', ['电子厂普工（长白班，包吃住）', 'SMT操作工（两班倒）']],
    ['长白班', ['电子厂普工（长白班，包吃住）', '缝纫工（计件，多劳多得）']], // the title, or the day shift (长白班) of the order
    ['操作', ['SMT操作工（两班倒）', '电子厂普工（长白班，包吃住）']], // 操作工 in a title and inside 电子厂长白班操作工 of a description
    ['xiamen', ['电子厂普工（长白班，包吃住）', 'SMT操作工（两班倒）']],
    ['jiaxing', ['缝纫工（计件，多劳多得）', '仓库分拣员']],
    ['包食宿', ['电子厂普工（长白班，包吃住）']],
  ])('「%s」 finds %j', async (q, expected) => {
    const res = await search(`q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(titles(res.body).sort()).toEqual([...expected].sort());
  });

  it('filters, counts facets and sorts by wage', async () => {
    const res = await search('benefits=dorm,meals&minWage=8500&sort=wage');
    expect(titles(res.body)).toEqual(['缝纫工（计件，多劳多得）']);
    const all = await search('sort=wage');
    expect(all.body.items.map((h: { wageMax: number }) => h.wageMax)).toEqual([9000, 8000, 7000, 6000]);
    expect(all.body.facets.category).toEqual(
      expect.arrayContaining([{ value: '电子厂', name: '电子厂', count: 2 }, { value: '物流', name: '物流', count: 1 }]),
    );
    expect(all.body.facets.city).toEqual(expect.arrayContaining([{ value: '350200', name: '厦门市', count: 2 }]));
  });

  it('sorts by distance from the signed-in worker’s home county (和政县) and says how far', async () => {
    const res = await search('sort=distance', worker);
    expect(res.status).toBe(200);
    const km = res.body.items.map((h: { distanceKm: number }) => h.distanceKm);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    // Of Xiamen (≈1,860 km) and Jiaxing (≈1,700 km), Jiaxing is the nearer to Hezheng.
    expect(res.body.items[0].countyCode).toBe('330402');
    expect(km[0]).toBeGreaterThan(1000);
  });

  it('highlights the match, escaped', async () => {
    const res = await search(`q=${encodeURIComponent('分拣')}`);
    expect(res.body.items[0].titleHighlighted).toBe('仓库<em>分拣</em>员');
  });

  it('refuses a malformed filter with a 400, never a 500', async () => {
    for (const q of ['minWage=abc', 'benefits=pool', 'county=35021', 'sort=random', 'startFrom=2027-13-01', 'pageSize=500', "category=' OR 1=1"]) {
      const res = await search(q);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('an order published is found within a second; closed, it is gone', async () => {
    const created = await request(api.url).post('/api/job-orders').set('Authorization', xiamen).send({
      title: '锂电池装配工', category: '电子厂', headcount: 8, wageMin: 6000, wageMax: 7500, startDate: inDays(40), benefits: ['dorm'],
    });
    expect((await search(`q=${encodeURIComponent('锂电池')}`)).body.total).toBe(0);
    const published = await request(api.url).post(`/api/job-orders/${created.body.id}/transitions`).set('Authorization', xiamen)
      .send({ action: 'publish', version: created.body.version });
    const started = Date.now();
    const found = await eventually(() => search(`q=${encodeURIComponent('锂电池')}`), (r) => r.body.total === 1);
    expect(found.body.total).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);

    await request(api.url).post(`/api/job-orders/${created.body.id}/transitions`).set('Authorization', xiamen)
      .send({ action: 'close', version: published.body.version });
    const gone = await eventually(() => search(`q=${encodeURIComponent('锂电池')}`), (r) => r.body.total === 0);
    expect(gone.body.total).toBe(0);
  });
});

describe('worker search', () => {
  let broker: string;
  let enshi: string;
  let employer: string;
  beforeAll(async () => {
    [broker, enshi, employer] = await Promise.all(['broker_linxia', 'broker_enshi', 'employer_jiaxing'].map((l) => bearer(api.url, l)));
  });
  const find = (query: string, auth: string) =>
    eventually(() => request(api.url).get(`/api/workers-search?${query}`).set('Authorization', auth), (r) => r.status !== 200 || r.body.total > 0);

  it('a broker never gets another county’s workers, whatever they ask for', async () => {
    const mine = await find('pageSize=50', broker);
    expect(mine.body.total).toBe(9);
    expect(mine.body.items.every((w: { place: string }) => /临夏|和政/.test(w.place))).toBe(true);
    const asked = await request(api.url).get('/api/workers-search?county=422801').set('Authorization', broker);
    expect(asked.body.total).toBe(0);
    const byName = await request(api.url).get(`/api/workers-search?q=${encodeURIComponent('冉秀英')}`).set('Authorization', broker);
    expect(byName.body.total).toBe(0);
    const enshiSees = await find(`q=${encodeURIComponent('冉秀英')}`, enshi);
    expect(enshiSees.body.items.map((w: { name: string }) => w.name)).toEqual(['冉秀英']);
  });

  it('finds by skill word inside, by pinyin of the place, and filters by wish', async () => {
    expect((await find(`q=${encodeURIComponent('缝纫')}`, broker)).body.items.map((w: { name: string }) => w.name)).toEqual(['冶玉梅']);
    expect((await find('q=hezheng&pageSize=50', broker)).body.total).toBe(7);
    expect((await find(`category=${encodeURIComponent('电子厂')}`, broker)).body.items.map((w: { name: string }) => w.name).sort()).toEqual(['韩小芳', '马小军'].sort());
  });

  it('an employer sees anonymised profiles of people looking for work', async () => {
    const res = await find('pageSize=50', employer);
    expect(res.status).toBe(200);
    expect(res.body.items.every((w: { name: string; status: string; village?: string }) => /^.\*+$/.test(w.name) && w.status === '未就业' && w.village === undefined)).toBe(true);
  });

  it('refuses a worker and a malformed filter', async () => {
    expect((await request(api.url).get('/api/workers-search').set('Authorization', worker)).status).toBe(403);
    expect((await request(api.url).get('/api/workers-search?ageMin=5').set('Authorization', broker)).status).toBe(400);
  });
});
