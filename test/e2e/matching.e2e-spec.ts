import request from 'supertest';
import type { DataSource } from 'typeorm';
import { MatchIndex } from '@daogang/matching';
import { MATCH_WEIGHT_KEYS } from '@daogang/platform';
import { makeIdNumber } from '@daogang/registry';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/**
 * 人岗匹配 through HTTP: who may rank what, masking, the job order's state, validation, the reverse match, and a
 * worker registered through the API showing up in the ranking by the index's own outbox polling. MATCH_WEIGHTS is set
 * to check that the configured weights are the ones applied.
 */
let api: TestApi;
let url: string;
let dataSource: DataSource;
let broker: string; // broker_linxia: 622921 临夏县 + 622925 和政县
let enshiBroker: string;
let officer: string;
let admin: string;
let coordinator: string;
let employer: string; // employer_xiamen
let otherEmployer: string; // employer_jiaxing
let demoWorker: string; // 13900000001 马小军 of 和政县
let orders: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ config: { MATCH_WEIGHTS: '{"priority": 30}' } });
  ({ url, dataSource } = api);
  await api.app.get(MatchIndex).sync();
  [broker, enshiBroker, officer, admin, coordinator, employer, otherEmployer, demoWorker] = await Promise.all(
    ['broker_linxia', 'broker_enshi', 'officer_linxia', 'admin', 'coordinator', 'employer_xiamen', 'employer_jiaxing', '13900000001'].map((l) => bearer(url, l)),
  );
  const rows: Array<{ id: string; title: string }> = await dataSource.query('SELECT id, title FROM job_orders');
  orders = Object.fromEntries(rows.map((r) => [r.title, r.id]));
}, 60_000);
afterAll(() => api?.close());

const get = (path: string, auth: string) => request(url).get(path).set('Authorization', auth);
const fieldsOf = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
const ELECTRONICS = '电子厂普工（长白班，包吃住）';
const candidates = (title: string, auth: string, query = '') => get(`/api/job-orders/${orders[title]}/candidates${query}`, auth);
const countyOf = async (ids: string[]) => (await dataSource.query('SELECT id::text AS id, home_county_code AS c FROM workers WHERE id = ANY($1)', [ids])).map((r: { c: string }) => r.c);

async function waitFor<T>(probe: () => Promise<T | undefined>, seconds = 6): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('GET /api/job-orders/:id/candidates', () => {
  it('a broker gets an explained ranking of the workers of their counties', async () => {
    const res = await candidates(ELECTRONICS, broker);
    expect(res.status).toBe(200);
    const page = res.body;
    expect(page).toMatchObject({ jobOrderId: orders[ELECTRONICS], offset: 0, limit: 50 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.considered).toBe(page.total + Object.values(page.excluded as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(new Set(await countyOf(page.items.map((i: { worker: { id: string } }) => i.worker.id)))).toEqual(new Set(['622921', '622925']));
    const scores = page.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const first = page.items[0];
    expect(first.rank).toBe(1);
    expect(first.parts.map((p: { key: string }) => p.key)).toEqual([...MATCH_WEIGHT_KEYS]);
    expect(first.parts.find((p: { key: string }) => p.key === 'pairing').explanation).toMatch(/^(临夏县|和政县)—(厦门市|集美区) 东西部协作结对$/);
    expect(first.score).toBeCloseTo(first.parts.reduce((s: number, p: { points: number }) => s + p.points, 0), 0);
    // MATCH_WEIGHTS {"priority": 30}: 30 of 116 points.
    expect(first.parts.find((p: { key: string }) => p.key === 'priority').maxPoints).toBe(25.9);
    expect(first.worker).toEqual(expect.objectContaining({ name: expect.stringMatching(/^[\u4e00-\u9fff]{2,4}$/), homeCounty: expect.stringMatching(/^临夏回族自治州(临夏县|和政县)$/) }));
    expect(first.worker.idNumber).toBeUndefined();
    expect(first.worker.mobile).toBeUndefined();
  });

  it('an officer sees the same counties; an Enshi broker other workers; admin and coordinator everyone', async () => {
    const linxia = (await candidates(ELECTRONICS, officer)).body;
    const enshi = (await candidates(ELECTRONICS, enshiBroker)).body;
    const all = (await candidates(ELECTRONICS, admin)).body;
    const coord = (await candidates(ELECTRONICS, coordinator)).body;
    expect(new Set(await countyOf(enshi.items.map((i: { worker: { id: string } }) => i.worker.id)))).toEqual(new Set(['422801']));
    expect(all.considered).toBeGreaterThan(linxia.considered + enshi.considered);
    expect(coord.total).toBe(all.total);
  });

  it('an employer ranks only its own orders, sees masked names and no household facts; workers may not', async () => {
    const own = await candidates(ELECTRONICS, employer);
    expect(own.status).toBe(200);
    for (const item of own.body.items) {
      expect(item.worker.name).toMatch(/^[\u4e00-\u9fff]\*+$/);
      const priority = item.parts.find((p: { key: string }) => p.key === 'priority');
      expect(priority.explanation).toMatch(/^(符合优先帮扶条件|无优先帮扶情形)$/);
    }
    const staff = (await candidates(ELECTRONICS, admin)).body;
    expect(own.body.total).toBe(staff.total);
    const other = await candidates(ELECTRONICS, otherEmployer);
    expect(other.status).toBe(404);
    expect(other.body.message).toContain('招聘订单不存在');
    expect((await candidates(ELECTRONICS, demoWorker)).status).toBe(403);
  });

  it('refuses orders that are not hiring (409), unknown ones (404) and bad input (400, per field in Chinese)', async () => {
    const draft = await candidates('机加工学徒（以岗定训）', admin);
    expect(draft.status).toBe(409);
    expect(draft.body.message).toBe('该岗位当前为「草稿」状态，只有招聘中或暂停的岗位可以匹配候选人');
    expect((await get('/api/job-orders/00000000-0000-4000-8000-000000000000/candidates', admin)).status).toBe(404);
    const badId = await get('/api/job-orders/abc/candidates', admin);
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body).id).toBe('编号格式不正确（应为 UUID）');
    const bad = await candidates(ELECTRONICS, broker, '?limit=0&offset=-1');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual({ limit: '条数至少为1', offset: '偏移量不能为负' });
    expect(fieldsOf((await candidates(ELECTRONICS, broker, '?limit=201')).body)).toEqual({ limit: '每次最多200人' });
    expect(fieldsOf((await candidates(ELECTRONICS, broker, '?limit=lots')).body)).toEqual({ limit: '条数必须是整数' });
    expect(fieldsOf((await candidates(ELECTRONICS, broker, '?sort=score')).body)).toEqual({ sort: '不允许提交此字段' });
  });

  it('pages with offset and limit in one ranking', async () => {
    const all = (await candidates(ELECTRONICS, admin, '?limit=6')).body.items;
    const second = (await candidates(ELECTRONICS, admin, '?limit=3&offset=3')).body.items;
    expect(second.map((i: { worker: { id: string } }) => i.worker.id)).toEqual(all.slice(3, 6).map((i: { worker: { id: string } }) => i.worker.id));
    expect(second[0].rank).toBe(4);
  });

  it('a worker registered through the API is ranked within seconds (the index tails the outbox itself), with their offer shown', async () => {
    const res = await request(url).post('/api/workers').set('Authorization', broker).send(workerInput('622925', {
      idNumber: makeIdNumber('622925', '1997-07-07', 777), skills: ['普工', '电子装配'], wishCategories: ['电子厂'], wishCities: ['350200'],
      minMonthlyWage: 5000, wantsToMove: true, availableFrom: '2027-01-01', registeredPoor: true, householdNo: 'HZ-MATCH-01',
    }));
    expect(res.status).toBe(201);
    const id = res.body.id;
    const item = await waitFor(async () => (await candidates(ELECTRONICS, broker, '?limit=200')).body.items.find((i: { worker: { id: string } }) => i.worker.id === id));
    expect(item.parts.find((p: { key: string }) => p.key === 'priority').explanation).toBe('零就业家庭优先；建档立卡');
    expect(item.application).toBeUndefined();

    const [job] = await dataSource.query('SELECT employer_id FROM job_orders WHERE id = $1', [orders[ELECTRONICS]]);
    await dataSource.query(
      `INSERT INTO applications (job_order_id, worker_id, employer_id, worker_county_code, category, status, channel, version)
       VALUES ($1, $2, $3, '622925', '电子厂', 'offered', 'employer', 1)`,
      [orders[ELECTRONICS], id, job.employer_id],
    );
    const again = (await candidates(ELECTRONICS, broker, '?limit=200')).body.items.find((i: { worker: { id: string } }) => i.worker.id === id);
    expect(again.application).toMatchObject({ status: 'offered', statusZh: '已发录用意向' });
  });
});

describe('job matches for a worker', () => {
  let linxiaWorker: string;
  beforeAll(async () => {
    [{ id: linxiaWorker }] = await dataSource.query(
      `SELECT id::text AS id FROM workers WHERE home_county_code = '622925' AND employment_status = 'not_employed' AND user_id IS NULL ORDER BY name LIMIT 1`,
    );
  });

  it('a broker of the county gets published orders with places left, ranked and explained', async () => {
    const res = await get(`/api/workers/${linxiaWorker}/job-matches`, broker);
    expect(res.status).toBe(200);
    expect(res.body.workerId).toBe(linxiaWorker);
    const published: Array<{ id: string }> = await dataSource.query(`SELECT id FROM job_orders WHERE status = 'published' AND places_filled < headcount`);
    expect(res.body.considered).toBe(published.length);
    expect(res.body.total + Object.values(res.body.excluded as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(res.body.considered);
    expect(res.body.items.length).toBe(res.body.total);
    for (const item of res.body.items) {
      expect(published.map((p) => p.id)).toContain(item.job.id);
      expect(item.parts).toHaveLength(MATCH_WEIGHT_KEYS.length);
      expect(item.job).toEqual(expect.objectContaining({ employerName: expect.any(String), workPlace: expect.stringMatching(/省|市/) }));
    }
    const scores = res.body.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.items.map((i: { job: { id: string } }) => i.job.id)).not.toContain(orders['机加工学徒（以岗定训）']); // a draft
  });

  it('is scoped: another county\'s broker 404, an employer 403, a worker only themselves', async () => {
    expect((await get(`/api/workers/${linxiaWorker}/job-matches`, enshiBroker)).status).toBe(404);
    expect((await get(`/api/workers/${linxiaWorker}/job-matches`, employer)).status).toBe(403);
    expect((await get(`/api/workers/${linxiaWorker}/job-matches`, demoWorker)).status).toBe(404);
    const mine = await get('/api/me/job-matches?limit=2', demoWorker);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeLessThanOrEqual(2);
    const own = await get(`/api/workers/${mine.body.workerId}/job-matches?limit=2`, demoWorker);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(mine.body);
    expect((await get('/api/me/job-matches', broker)).status).toBe(403);
    expect(fieldsOf((await get('/api/me/job-matches?limit=101', demoWorker)).body)).toEqual({ limit: '每次最多100个岗位' });
  });

  it('says why there is nothing for a worker who is employed', async () => {
    const [{ id }] = await dataSource.query(`SELECT id::text AS id FROM workers WHERE home_county_code = '622925' AND employment_status = 'employed_out_of_province' LIMIT 1`);
    const res = await get(`/api/workers/${id}/job-matches`, broker);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0, unavailable: { rule: 'status', reason: '当前就业状态不在推荐范围（只推荐未就业、参加培训的人员）' } });
    expect(res.body.excluded.status).toBe(res.body.considered);
  });
});

describe('OpenAPI', () => {
  it('documents the three routes with their query parameters and answers', async () => {
    const doc = (await request(url).get('/api/docs-json')).body as {
      paths: Record<string, { get?: { parameters?: Array<{ name?: string }>; responses?: Record<string, unknown> } }>;
      components?: { schemas?: Record<string, unknown> };
    };
    const candidates = doc.paths['/api/job-orders/{id}/candidates']?.get;
    expect(candidates?.parameters?.map((p) => p.name ?? '').sort()).toEqual(['id', 'limit', 'offset']);
    expect(JSON.stringify(candidates?.responses?.['200'])).toContain('CandidatePageDto');
    expect(doc.paths['/api/workers/{id}/job-matches']?.get).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/me/job-matches']?.get?.responses?.['200'])).toContain('JobMatchPageDto');
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['ScorePartDto', 'ExcludedCountsDto', 'CandidateWorkerDto']));
  });
});
