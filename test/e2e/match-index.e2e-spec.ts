import request from 'supertest';
import { JobOrder } from '@daogang/jobs';
import {
  HARD_RULES, hardRuleFailure, loadWorkerFacts, MatchIndex, orderFactsOf, PlaceRelations, resolveMatchWeights, scoreMatch, type HardRule, type OrderFacts,
} from '@daogang/matching';
import { beijingDay } from '@daogang/platform';
import { makeIdNumber, RegionsService, WORKERS_TOPIC } from '@daogang/registry';
import { startTestApi, TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/**
 * MatchIndex against the real PostgreSQL: built from the demo, fed by the outbox as workers are registered, edited,
 * placed and come home through the API; its exclusions and scores checked against the pure rules on the same rows.
 */
let api: TestApi;
let broker: string; // broker_linxia: 622921 临夏县 + 622925 和政县
let enshiBroker: string;
let index: MatchIndex;
let places: PlaceRelations;
let seededOrder: JobOrder;
const weights = resolveMatchWeights();
const LINXIA = ['622921', '622925'];
const today = beijingDay();
const plusDays = (n: number) => new Date(Date.parse(today) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = await startTestApi();
  [broker, enshiBroker] = await Promise.all(['broker_linxia', 'broker_enshi'].map((l) => bearer(api.url, l)));
  places = new PlaceRelations(api.app.get(RegionsService));
  index = new MatchIndex(api.dataSource, places, weights);
  await index.build();
  seededOrder = (await api.dataSource.getRepository(JobOrder).findOneByOrFail({ title: '电子厂普工（长白班，包吃住）' }));
});
afterAll(async () => {
  await index?.onApplicationShutdown();
  await api?.close();
});

const post = (path: string, auth: string, body: object) => request(api.url).post(path).set('Authorization', auth).send(body);
const get = (path: string, auth: string) => request(api.url).get(path).set('Authorization', auth);

let sequence = 500;
/** Registers a worker through the API; returns the id. */
async function register(county: string, birth: string, patch: Record<string, unknown> = {}, sex: 'M' | 'F' = 'M', auth = broker): Promise<string> {
  sequence += 2;
  const res = await post('/api/workers', auth, workerInput(county, { idNumber: makeIdNumber(county, birth, sex === 'M' ? sequence + 1 : sequence), ...patch }));
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

function welderOrder(patch: Partial<OrderFacts> = {}): OrderFacts {
  return orderFactsOf({
    id: '00000000-0000-4000-8000-00000000abcd', category: '制造', workCountyCode: '350211', lng: 118.1, lat: 24.58,
    wageMin: 6000, wageMax: 8000, startDate: plusDays(60), ageMin: 18, ageMax: 55, requiredSkills: ['电焊'],
    requiredCertificates: [' 焊工证 '], trainingOffered: false, accessible: false, ...patch,
  });
}

/** What the index should say, worked out worker by worker from the same rows with the pure rules and score. */
async function expected(order: OrderFacts, counties: string[] | null) {
  const ids: string[] = (await api.dataSource.query(
    'SELECT id::text AS id FROM workers WHERE $1::text[] IS NULL OR home_county_code = ANY($1) ORDER BY id', [counties],
  )).map((r: { id: string }) => r.id);
  const facts = await loadWorkerFacts(api.dataSource, ids, today);
  const excluded = Object.fromEntries(HARD_RULES.map((h) => [h, 0])) as Record<HardRule, number>;
  const scores = new Map<string, number>();
  for (const f of facts) {
    const failed = hardRuleFailure(f, order);
    if (failed) excluded[failed]++;
    else scores.set(f.id, scoreMatch(f, order, places.relation(f.homeCountyCode, order), weights, today).total);
  }
  return { considered: facts.length, excluded, scores, facts: new Map(facts.map((f) => [f.id, f])) };
}

describe('MatchIndex on PostgreSQL', () => {
  let welder: string;
  let noCertificate: string;
  let severe: string;
  let tooOld: string;
  let employed: string;
  let placed: string;
  let cameHome: string;
  let womanOf52: string;

  it('is built from the database at start: every worker of the demo', async () => {
    const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM workers');
    expect(n).toBeGreaterThanOrEqual(15);
    expect(index.stats()).toMatchObject({ workers: n });
    // The demo order, among everyone: the index agrees with the rules worker by worker.
    const order = orderFactsOf(seededOrder);
    const ranking = index.rank(order, { countyCodes: null }, { offset: 0, limit: 50 });
    const want = await expected(order, null);
    expect(ranking.considered).toBe(want.considered);
    expect(ranking.excluded).toEqual(want.excluded);
    expect(ranking.excluded.status).toBeGreaterThan(0); // the seed has workers on a 公益性岗位, 省外就业, 自主创业…
    // Ties go to the worker loaded first: at build time, in id order.
    expect(ranking.items.map((i) => [i.workerId, i.score])).toEqual(
      [...want.scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, ranking.items.length),
    );
    expect(ranking.items.length).toBe(want.scores.size);
  });

  it('takes in workers registered, placed and brought home through the API via the outbox', async () => {
    const cert = { certificates: [{ name: '焊工证' }], skills: ['电焊'] };
    welder = await register('622925', '1990-04-01', { ...cert, wishCategories: ['制造'], minMonthlyWage: 6000, wantsToMove: true, availableFrom: plusDays(30) });
    noCertificate = await register('622925', '1991-04-01', { skills: ['电焊'] });
    severe = await register('622921', '1992-04-01', { ...cert, disability: { kind: 'physical', grade: 1 } });
    tooOld = await register('622921', '1958-04-01', cert);
    womanOf52 = await register('622921', '1974-06-01', { certificates: [{ name: '焊工证' }] }, 'F');
    employed = await register('622925', '1993-04-01', { ...cert, employmentStatus: 'employed_in_county' });
    placed = await register('622925', '1994-04-01', cert);
    cameHome = await register('622921', '1995-04-01', { ...cert, employmentStatus: 'employed_out_of_province' });
    expect(index.has(welder)).toBe(false);

    // Placed elsewhere (as the applications service records it: the application row, then the worker's outbox row).
    await api.dataSource.query(
      `INSERT INTO applications (job_order_id, worker_id, employer_id, worker_county_code, category, status, channel, version)
       VALUES ($1, $2, $3, '622925', '电子厂', 'accepted', 'broker', 1)`,
      [seededOrder.id, placed, seededOrder.employerId],
    );
    // A year in a similar job before, left 20 days ago.
    await api.dataSource.query(
      `INSERT INTO applications (job_order_id, worker_id, employer_id, worker_county_code, category, status, channel, arrived_on, left_on, version)
       VALUES ($1, $2, $3, '622925', '制造', 'left', 'broker', $4, $5, 1)`,
      [seededOrder.id, welder, seededOrder.employerId, plusDays(-220), plusDays(-20)],
    );
    await api.dataSource.query(`INSERT INTO outbox_events (topic, key) VALUES ($1, $2), ($1, $3)`, [WORKERS_TOPIC, placed, welder]);
    // Lost the job in Xiamen and came home.
    expect((await post(`/api/workers/${cameHome}/status`, broker, { status: 'not_employed', note: '厂里裁员返乡' })).status).toBe(201);

    await index.sync();
    for (const id of [welder, noCertificate, severe, tooOld, employed, placed, cameHome, womanOf52]) expect(index.has(id)).toBe(true);
  });

  it('filters by the hard rules and counts each exclusion under its rule, as the rules say worker by worker', async () => {
    const order = welderOrder();
    const ranking = index.rank(order, { countyCodes: LINXIA }, { offset: 0, limit: 50 });
    const want = await expected(order, LINXIA);
    expect(ranking.considered).toBe(want.considered);
    expect(ranking.excluded).toEqual(want.excluded);
    expect(new Set(ranking.items.map((i) => i.workerId))).toEqual(new Set(want.scores.keys()));
    expect(new Set(ranking.items.map((i) => i.workerId))).toEqual(new Set([welder, cameHome]));
    for (const item of ranking.items) expect(item.score).toBe(want.scores.get(item.workerId));

    const why = (id: string) => hardRuleFailure(want.facts.get(id)!, order);
    expect([noCertificate, severe, tooOld, employed, placed, womanOf52].map(why)).toEqual(['certificates', 'accessibility', 'age', 'status', 'placed', 'age']);
    expect(want.facts.get(placed)!.placed).toBe(true);
    expect(want.facts.get(cameHome)!.cameHomeOn).toBe(today);
    expect(want.facts.get(welder)!.tenureDays).toEqual({ 制造: 200 });

    // The explanations behind the numbers.
    const explain = (id: string) => Object.fromEntries(
      scoreMatch(want.facts.get(id)!, order, places.relation(want.facts.get(id)!.homeCountyCode, order), weights, today).parts.map((p) => [p.key, p.explanation]),
    );
    expect(explain(welder)).toMatchObject({ skills: '技能匹配 1/1（电焊）', tenure: '曾在制造类岗位工作约7个月', pairing: '和政县—集美区 东西部协作结对' });
    expect(explain(cameHome)).toMatchObject({ priority: `返乡人员需再就业（${today}返乡）`, pairing: '临夏县—厦门市 东西部协作结对' });

    // An accessible order takes the worker with a severe disability too.
    const accessible = index.rank(welderOrder({ accessible: true }), { countyCodes: LINXIA }, { offset: 0, limit: 50 });
    expect(accessible.items.map((i) => i.workerId)).toContain(severe);
    expect(accessible.excluded.accessibility).toBe(0);
  });

  it('re-ranks a worker edited through the API once the outbox is read', async () => {
    const order = welderOrder({ requiredCertificates: [] });
    const scoreOf = () => index.rank(order, { countyCodes: LINXIA }, { offset: 0, limit: 200 }).items.find((i) => i.workerId === noCertificate)?.score;
    const before = scoreOf()!;
    const current = (await get(`/api/workers/${noCertificate}`, broker)).body;
    const patched = await request(api.url).patch(`/api/workers/${noCertificate}`).set('Authorization', broker)
      .send({ version: current.version, wishCities: ['350200'], wishCategories: ['制造'], minMonthlyWage: 5000 });
    expect(patched.status).toBe(200);
    expect(scoreOf()).toBe(before); // not yet read
    await index.sync();
    const after = scoreOf()!;
    expect(after).toBeGreaterThan(before);
    const want = await expected(order, LINXIA);
    expect(after).toBe(want.scores.get(noCertificate));

    // Employed now: out of the candidates, counted under `status`.
    const excludedBefore = index.rank(order, { countyCodes: LINXIA }, { offset: 0, limit: 1 }).excluded.status;
    expect((await post(`/api/workers/${noCertificate}/status`, broker, { status: 'employed_out_of_province' })).status).toBe(201);
    await index.sync();
    const now = index.rank(order, { countyCodes: LINXIA }, { offset: 0, limit: 200 });
    expect(now.items.map((i) => i.workerId)).not.toContain(noCertificate);
    expect(now.excluded.status).toBe(excludedBefore + 1);
  });

  it('ranks only the workers of the scope counties', async () => {
    const enshiWorker = await register('422801', '1990-08-08', { skills: ['电焊'] }, 'M', enshiBroker);
    await index.sync();
    const order = welderOrder({ requiredCertificates: [] });
    const homeOf = async (ids: string[]) => (await api.dataSource.query('SELECT DISTINCT home_county_code AS c FROM workers WHERE id = ANY($1)', [ids])).map((r: { c: string }) => r.c).sort();
    const linxia = index.rank(order, { countyCodes: LINXIA }, { offset: 0, limit: 200 });
    expect(await homeOf(linxia.items.map((i) => i.workerId))).toEqual(LINXIA);
    const enshi = index.rank(order, { countyCodes: ['422801'] }, { offset: 0, limit: 200 });
    expect(enshi.items.map((i) => i.workerId)).toContain(enshiWorker);
    expect(await homeOf(enshi.items.map((i) => i.workerId))).toEqual(['422801']);
    const everyone = index.rank(order, { countyCodes: null }, { offset: 0, limit: 200 });
    expect(everyone.considered).toBe(index.stats().workers);
    expect(everyone.total).toBeGreaterThanOrEqual(linxia.total + enshi.total);
    expect(index.rank(order, { countyCodes: [] }, { offset: 0, limit: 10 })).toMatchObject({ considered: 0, total: 0, items: [] });
  });
});
