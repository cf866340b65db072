import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { makeIdNumber } from '@daogang/registry';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let admin: string, xiamen: string, jiaxing: string, linxia: string, enshi: string, worker: string;

beforeAll(async () => {
  api = await startTestApi();
  [admin, xiamen, jiaxing, linxia, enshi, worker] = await Promise.all(
    ['admin', 'employer_xiamen', 'employer_jiaxing', 'broker_linxia', 'broker_enshi', '13900000001'].map((l) => bearer(api.url, l)),
  );
}, 60_000);
afterAll(() => api?.close());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const send = (method: 'post' | 'get', path: string, auth: string, body?: object) => {
  const r = request(api.url)[method](path).set('Authorization', auth);
  return body ? r.send(body) : r;
};
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
const consent = { method: 'phone', note: '电话联系本人，同意' };

/** A published order of the Xiamen employer, open to ages 16–60. */
async function publishedOrder(overrides: object = {}): Promise<{ id: string; version: number }> {
  const job = (await send('post', '/api/job-orders', xiamen, {
    title: '电子厂装配工（长白班）', category: '电子厂', headcount: 5, wageMin: 5500, wageMax: 7000, startDate: inDays(20),
    ageMin: 16, ageMax: 60, benefits: ['dorm', 'meals'], ...overrides,
  })).body;
  const published = await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action: 'publish', version: job.version });
  expect(published.status).toBe(201);
  return published.body;
}

async function newWorker(county = '622925'): Promise<string> {
  const res = await send('post', '/api/workers', admin, workerInput(county));
  expect(res.status).toBe(201);
  return res.body.id;
}

async function move(id: string, auth: string, body: object) {
  return send('post', `/api/applications/${id}/transitions`, auth, body);
}

describe('applications', () => {
  it('the demo seeds a pipeline: the demo worker holds an offer, the Xiamen employer a placement', async () => {
    const mine = (await send('get', '/api/applications', worker)).body;
    expect(mine.items).toEqual([expect.objectContaining({ status: 'offered', actions: ['accept', 'decline', 'withdraw'] })]);
    const xiamenSide = (await send('get', '/api/applications?status=placed', xiamen)).body;
    expect(xiamenSide.total).toBe(1);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM notifications`);
    expect(n).toBeGreaterThan(0);
  });

  it('a worker applies on the web; the whole way to leaving is one row per move, and the status follows', async () => {
    const job = await publishedOrder();
    const applied = await send('post', '/api/applications', worker, { jobOrderId: job.id });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'applied', channel: 'worker', statusZh: '已报名', actions: ['withdraw'] });
    const id = applied.body.id;
    expect((await send('post', '/api/applications', worker, { jobOrderId: job.id })).body.message).toBe('已报名该岗位，无需重复报名');

    expect((await move(id, linxia, { action: 'screen' })).status).toBe(201);
    expect((await move(id, xiamen, { action: 'offer' })).body.status).toBe('offered');
    const accepted = await move(id, worker, { action: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const place = await move(id, xiamen, { action: 'place' });
    expect(place.status).toBe(400);
    expect(fields(place.body)).toEqual({ startDate: '请填写约定上岗日期' });
    expect((await move(id, xiamen, { action: 'place', startDate: inDays(20) })).body).toMatchObject({ status: 'placed', startDate: inDays(20) });
    expect((await move(id, xiamen, { action: 'arrive' })).body).toMatchObject({ status: 'arrived', arrivedOn: today() });

    const profile = (await send('get', '/api/me/worker-profile', worker)).body;
    expect(profile.employmentStatus).toBe('employed_out_of_province');
    const leave = await move(id, xiamen, { action: 'leave' });
    expect(fields(leave.body)).toEqual({ reason: '请填写原因' });
    expect((await move(id, xiamen, { action: 'leave', reason: '家中老人生病，回乡照顾' })).body.status).toBe('left');
    expect((await send('get', '/api/me/worker-profile', worker)).body.employmentStatus).toBe('not_employed');

    const detail = (await send('get', `/api/applications/${id}`, linxia)).body;
    expect(detail.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['applied', 'screening', 'offered', 'accepted', 'placed', 'arrived', 'left']);
    expect(detail.events.map((e: { actorRole: string }) => e.actorRole)).toEqual(['worker', 'broker', 'employer', 'worker', 'employer', 'employer', 'employer']);
    expect(detail.events[6].reason).toBe('家中老人生病，回乡照顾');
    // The place is not given back when someone leaves after arriving: the order got its hire.
    expect((await send('get', `/api/job-orders/${job.id}`, xiamen)).body.placesFilled).toBe(1);
  });

  it('only allowed moves, by the right people, with reasons', async () => {
    const job = await publishedOrder();
    const workerId = await newWorker();
    const noConsent = await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId });
    expect(noConsent.status).toBe(400);
    expect(fields(noConsent.body)).toEqual({ consent: '代为报名须记录本人同意的方式' });
    const a = (await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId, consent })).body;
    expect(a).toMatchObject({ channel: 'broker', consentMethod: 'phone', status: 'applied' });

    const wrong = await move(a.id, linxia, { action: 'accept', consent });
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toBe('当前状态“已报名”不能接受');
    expect((await move(a.id, xiamen, { action: 'reject' })).status).toBe(400);
    const bad = await move(a.id, linxia, { action: 'hire' });
    expect(bad.status).toBe(400);
    expect(fields(bad.body).action).toMatch(/^操作无效/);
    await move(a.id, linxia, { action: 'offer' });
    expect((await move(a.id, xiamen, { action: 'accept' })).status).toBe(403); // the employer never decides for the worker
    expect(fields((await move(a.id, linxia, { action: 'decline', reason: '不想去' })).body)).toEqual({ consent: '代务工人员决定时，请记录本人同意的方式' });
    const declined = await move(a.id, linxia, { action: 'decline', reason: '工资低于预期', consent });
    expect(declined.body).toMatchObject({ status: 'declined', reason: '工资低于预期', actions: [] });
    expect((await move(a.id, linxia, { action: 'offer' })).status).toBe(409);
  });

  it('is scoped: brokers see their counties, employers their orders, workers themselves', async () => {
    const job = await publishedOrder();
    const workerId = await newWorker('622925');
    const a = (await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId, consent })).body;
    expect((await send('get', `/api/applications/${a.id}`, enshi)).status).toBe(404);
    expect((await send('get', `/api/applications/${a.id}`, jiaxing)).status).toBe(404);
    expect((await send('get', `/api/applications/${a.id}`, worker)).status).toBe(404);
    expect((await move(a.id, enshi, { action: 'screen' })).status).toBe(404);
    expect((await send('get', `/api/applications?jobOrderId=${job.id}`, enshi)).body.total).toBe(0);
    expect((await send('get', `/api/applications?jobOrderId=${job.id}`, xiamen)).body.total).toBe(1);
    // A broker cannot act for a worker of another county.
    const enshiWorker = await newWorker('422801');
    expect((await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId: enshiWorker, consent })).status).toBe(404);
    expect((await send('get', `/api/applications/summary?jobOrderId=${job.id}`, xiamen)).body).toMatchObject({ applied: 1, offered: 0 });
  });

  it('an employer invites: the worker gets an offer and decides', async () => {
    const job = await publishedOrder();
    const invited = await send('post', '/api/applications', xiamen, { jobOrderId: job.id, workerId: await newWorker() });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ status: 'offered', channel: 'employer' });
    expect((await send('post', '/api/applications', jiaxing, { jobOrderId: job.id, workerId: await newWorker() })).status).toBe(404);
  });

  it('a worker never holds two active placements', async () => {
    const [first, second] = [await publishedOrder(), await publishedOrder()];
    const workerId = await newWorker();
    const a1 = (await send('post', '/api/applications', linxia, { jobOrderId: first.id, workerId, consent })).body;
    const a2 = (await send('post', '/api/applications', linxia, { jobOrderId: second.id, workerId, consent })).body;
    await move(a1.id, linxia, { action: 'offer' });
    await move(a2.id, linxia, { action: 'offer' });
    expect((await move(a1.id, linxia, { action: 'accept', consent })).status).toBe(201);
    const again = await move(a2.id, linxia, { action: 'accept', consent });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: '该务工人员已接受其他岗位（或已在岗），不能同时接受两个岗位', details: { reason: 'ALREADY_PLACED' } });
    // Backing out of the first gives its place back and frees the worker for the second.
    expect((await move(a1.id, linxia, { action: 'withdraw', reason: '改去离家近的厂' })).body.status).toBe('withdrawn');
    expect((await send('get', `/api/job-orders/${first.id}`, xiamen)).body.placesFilled).toBe(0);
    expect((await move(a2.id, linxia, { action: 'accept', consent })).status).toBe(201);
  });

  it('20 concurrent accepts at the last 5 places: exactly 5 succeed, 15 get 409', async () => {
    const job = await publishedOrder({ headcount: 25 });
    await api.dataSource.query('UPDATE job_orders SET places_filled = 20 WHERE id = $1', [job.id]);
    const workers: string[] = [];
    for (let i = 0; i < 20; i++) workers.push(await newWorker());
    const batch = await send('post', `/api/job-orders/${job.id}/offers`, linxia, { workerIds: workers, idempotencyKey: 'last-five-places' });
    expect(batch.body).toMatchObject({ offered: 20, failed: 0 });
    const ids = batch.body.items.map((i: { applicationId: string }) => i.applicationId);

    const results = await Promise.all(ids.map((id: string) => move(id, linxia, { action: 'accept', consent })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.details.reason).toBe('HEADCOUNT_EXCEEDED');
    const [row] = await api.dataSource.query('SELECT places_filled, headcount, status FROM job_orders WHERE id = $1', [job.id]);
    expect(row).toEqual({ places_filled: 25, headcount: 25, status: 'filled' });
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM applications WHERE job_order_id = $1 AND status = 'accepted'`, [job.id]);
    expect(n).toBe(5);
  });

  it('batch offers: one action, a reason for each refusal, and a retry sends nothing twice', async () => {
    const job = await publishedOrder();
    const ok = [await newWorker(), await newWorker()];
    const other = await newWorker('422801'); // Enshi: not this broker's county
    const busy = await newWorker();
    const elsewhere = await publishedOrder();
    const held = (await send('post', '/api/applications', linxia, { jobOrderId: elsewhere.id, workerId: busy, consent })).body;
    await move(held.id, linxia, { action: 'offer' });
    await move(held.id, linxia, { action: 'accept', consent });

    const body = { workerIds: [...ok, other, busy], idempotencyKey: 'batch-0001-xiamen' };
    const first = await send('post', `/api/job-orders/${job.id}/offers`, linxia, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ offered: 2, failed: 2, replayed: false });
    const byWorker = Object.fromEntries(first.body.items.map((i: { workerId: string }) => [i.workerId, i]));
    expect(byWorker[ok[0]].outcome).toBe('offered');
    // The score the ranking gives the worker for this order is kept on the offer.
    const offer = (await send('get', `/api/applications/${byWorker[ok[0]].applicationId}`, linxia)).body;
    expect(offer.offerScore).toBeGreaterThan(0);
    expect(offer.offerScore).toBeLessThanOrEqual(100);
    expect(byWorker[other]).toMatchObject({ outcome: 'failed', reason: '劳动力档案不存在' });
    expect(byWorker[busy]).toMatchObject({ outcome: 'failed', reason: '已接受其他岗位或已在岗' });

    const retry = await send('post', `/api/job-orders/${job.id}/offers`, linxia, body);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    const reused = await send('post', `/api/job-orders/${job.id}/offers`, linxia, { ...body, workerIds: ok });
    expect(reused.status).toBe(409);
    // A new batch naming the same workers: no second offer, reported as already offered.
    const overlap = await send('post', `/api/job-orders/${job.id}/offers`, linxia, { workerIds: ok, idempotencyKey: 'batch-0002-xiamen' });
    expect(overlap.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['already_offered', 'already_offered']);

    const [{ apps }] = await api.dataSource.query(`SELECT count(*)::int AS apps FROM applications WHERE job_order_id = $1`, [job.id]);
    expect(apps).toBe(2);
    const [{ sms }] = await api.dataSource.query(`SELECT count(*)::int AS sms FROM sms_messages WHERE worker_id = ANY($1::uuid[]) AND template = 'offer_received'`, [ok]);
    expect(sms).toBe(2);
    const invalid = await send('post', `/api/job-orders/${job.id}/offers`, linxia, { workerIds: ['x'], idempotencyKey: 'short' });
    expect(invalid.status).toBe(400);
    expect(Object.keys(fields(invalid.body)).sort()).toEqual(['idempotencyKey', 'workerIds']);
  });

  it('subsidies: the one-off hiring and the on-the-job training subsidy are never both claimed', async () => {
    const job = await publishedOrder();
    const a = (await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId: await newWorker(), consent })).body;
    const early = await send('post', `/api/applications/${a.id}/subsidies`, xiamen, { kind: 'one_off_hiring', amount: 1000 });
    expect(early.status).toBe(409);
    await move(a.id, linxia, { action: 'offer' });
    await move(a.id, linxia, { action: 'accept', consent });
    await move(a.id, xiamen, { action: 'place', startDate: inDays(20) });

    const both = await Promise.all([
      send('post', `/api/applications/${a.id}/subsidies`, xiamen, { kind: 'one_off_hiring', amount: 1000 }),
      send('post', `/api/applications/${a.id}/subsidies`, linxia, { kind: 'on_job_training', amount: 800 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = both.find((r) => r.status === 409)!;
    expect(refused.body.details.reason).toBe('SUBSIDY_EXCLUSIVE');
    expect(refused.body.message).toMatch(/不能再申领.*（两者不可同时享受）/);
    expect((await send('post', `/api/applications/${a.id}/subsidies`, xiamen, { kind: 'transport', amount: 300 })).status).toBe(201);
    const bad = await send('post', `/api/applications/${a.id}/subsidies`, xiamen, { kind: 'cash', amount: -1 });
    expect(Object.keys(fields(bad.body)).sort()).toEqual(['amount', 'kind']);
    const detail = (await send('get', `/api/applications/${a.id}`, xiamen)).body;
    expect(detail.subsidies).toHaveLength(2);
  });

  it('an employer sees the names of workers it invites masked until they accept; only a broker records consent', async () => {
    const job = await publishedOrder();
    const workerId = await newWorker();
    const full = (await send('get', `/api/workers/${workerId}`, admin)).body.name as string;
    const consentByEmployer = await send('post', '/api/applications', xiamen, { jobOrderId: job.id, workerId, consent });
    expect(fields(consentByEmployer.body)).toEqual({ consent: '只有经纪人代为报名时才记录本人同意；本人报名或企业邀请不填' });
    const invited = (await send('post', '/api/applications', xiamen, { jobOrderId: job.id, workerId })).body;
    expect(invited.worker.name).toBe(full[0] + '*'.repeat([...full].length - 1));
    expect((await send('get', `/api/applications/${invited.id}`, linxia)).body.worker.name).toBe(full);
    await move(invited.id, linxia, { action: 'accept', consent });
    expect((await send('get', `/api/applications/${invited.id}`, xiamen)).body.worker.name).toBe(full);
    const other = await newWorker();
    const batch = await send('post', `/api/job-orders/${job.id}/offers`, xiamen, { workerIds: [other], idempotencyKey: 'employer-batch-01' });
    expect(batch.body.items[0].name).toMatch(/^.\*+$/);
  });

  it('no offer on an order that is not open; a place given back does not reopen an order the employer stopped', async () => {
    const job = await publishedOrder({ headcount: 1 });
    const a = (await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId: await newWorker(), consent })).body;
    const b = (await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId: await newWorker(), consent })).body;
    await move(a.id, linxia, { action: 'offer' });
    expect((await move(a.id, linxia, { action: 'accept', consent })).status).toBe(201);
    expect((await send('get', `/api/job-orders/${job.id}`, xiamen)).body.status).toBe('filled');
    const full = await move(b.id, linxia, { action: 'offer' });
    expect(full.status).toBe(409);
    expect(full.body.details.reason).toBe('JOB_NOT_OPEN');
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM sms_messages s JOIN applications a ON a.worker_id = s.worker_id WHERE a.id = $1`, [b.id]);
    expect(n).toBe(0);
    // Given back by the headcount, the order opens again.
    await move(a.id, linxia, { action: 'withdraw', reason: '家里有事' });
    const reopened = (await send('get', `/api/job-orders/${job.id}`, xiamen)).body;
    expect(reopened).toMatchObject({ status: 'published', placesFilled: 0 });
    // Paused and marked filled by the employer before its headcount was reached: a place given back leaves it so.
    const two = await publishedOrder({ headcount: 2 });
    const c = (await send('post', '/api/applications', linxia, { jobOrderId: two.id, workerId: await newWorker(), consent })).body;
    await move(c.id, linxia, { action: 'offer' });
    await move(c.id, linxia, { action: 'accept', consent });
    const open = (await send('get', `/api/job-orders/${two.id}`, xiamen)).body;
    const paused = (await send('post', `/api/job-orders/${two.id}/transitions`, xiamen, { action: 'pause', version: open.version })).body;
    expect((await send('post', `/api/job-orders/${two.id}/transitions`, xiamen, { action: 'mark_filled', version: paused.version })).status).toBe(201);
    await move(c.id, linxia, { action: 'withdraw', reason: '改主意了' });
    expect((await send('get', `/api/job-orders/${two.id}`, xiamen)).body).toMatchObject({ status: 'filled', placesFilled: 0 });
  });

  it('dates must be whole days; a reason of the full 200 characters is kept', async () => {
    const job = await publishedOrder();
    const a = (await send('post', '/api/applications', linxia, { jobOrderId: job.id, workerId: await newWorker(), consent })).body;
    await move(a.id, linxia, { action: 'offer' });
    await move(a.id, linxia, { action: 'accept', consent });
    for (const startDate of ['2027-03', '2027', '2027-W05', '2027-02-30']) {
      const res = await move(a.id, xiamen, { action: 'place', startDate });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual({ startDate: '日期格式应为 YYYY-MM-DD，例如 2027-03-01' });
    }
    await move(a.id, xiamen, { action: 'place', startDate: inDays(20) });
    await move(a.id, xiamen, { action: 'arrive' });
    const left = await move(a.id, xiamen, { action: 'leave', reason: '离'.repeat(200) });
    expect(left.status).toBe(201);
    expect(left.body.reason).toHaveLength(200);
  });

  it('a batch abandoned mid-way is taken over by one retry, and the stored answer is that retry\'s', async () => {
    const job = await publishedOrder();
    const workerIds = [await newWorker(), await newWorker(), await newWorker()];
    const body = { workerIds, idempotencyKey: 'abandoned-batch-01' };
    const first = await send('post', `/api/job-orders/${job.id}/offers`, linxia, body);
    expect(first.body.offered).toBe(3);
    // As if the process had died before storing its answer, three minutes ago.
    await api.dataSource.query(`UPDATE offer_batches SET result = NULL, created_at = now() - interval '3 minutes' WHERE idempotency_key = $1`, [body.idempotencyKey]);
    const [x, y] = await Promise.all([1, 2].map(() => send('post', `/api/job-orders/${job.id}/offers`, linxia, body)));
    const answers = [x, y].map((r) => [r.status, r.body.details?.reason ?? r.body.replayed]);
    expect(answers).toEqual(expect.arrayContaining([[201, false]]));
    expect(answers.filter(([status]) => status === 201)).toHaveLength(1);
    const taken = [x, y].find((r) => r.status === 201)!;
    expect(taken.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['already_offered', 'already_offered', 'already_offered']);
    const replay = await send('post', `/api/job-orders/${job.id}/offers`, linxia, body);
    expect(replay.body).toEqual({ ...taken.body, replayed: true });
  });

  it('an accepted worker leaves the ranking of other orders at once', async () => {
    const [first, second] = [await publishedOrder(), await publishedOrder()];
    // Young enough for any order (statutory retirement ages apply to the ranking), not employed.
    const young = workerInput('622925', { idNumber: makeIdNumber('622925', '1998-06-15', 700 + Math.floor(Math.random() * 290)) });
    const workerId = (await send('post', '/api/workers', admin, young)).body.id as string;
    const { MatchIndex } = await import('@daogang/matching');
    const index = api.app.get(MatchIndex);
    await index.sync();
    const ranked = async () => {
      const res = await send('get', `/api/job-orders/${second.id}/candidates?limit=200`, linxia);
      return res.body.items.map((i: { worker: { id: string } }) => i.worker.id) as string[];
    };
    expect(await ranked()).toContain(workerId);
    const a = (await send('post', '/api/applications', linxia, { jobOrderId: first.id, workerId, consent })).body;
    await move(a.id, linxia, { action: 'offer' });
    await move(a.id, linxia, { action: 'accept', consent });
    await index.sync();
    expect(await ranked()).not.toContain(workerId);
  });
});
