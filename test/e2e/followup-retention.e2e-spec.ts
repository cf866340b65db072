import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { FollowUp, RetentionSummaryService, type RetentionRowDto } from '@daogang/followup';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/**
 * 就业留存 through HTTP on the real PostgreSQL. Placements are made through the API (worker registered, application,
 * offer, acceptance, placement, arrival and leaving on given days); their follow-ups are inserted through the FollowUp
 * repository (the schedule creates them in the worker app from the outbox, which this API-only app does not run).
 * The report is read as of 2026-09-30 over placements of 2026-01-01 … 2026-06-30, so every number below is worked out
 * by hand from the table in `PLACEMENTS`.
 */
let api: TestApi;
let url: string;
let ds: DataSource;
let admin: string, coordinator: string, linxia: string, enshi: string, officer: string, xiamen: string, jiaxing: string, worker: string;
const ids: Record<string, string> = {};
let xiamenName: string, jiaxingName: string;

const startApi = (): Promise<TestApi> => startTestApi();

const send = (method: 'get' | 'post', path: string, auth: string, body?: object) => {
  const r = request(url)[method](path).set('Authorization', auth);
  return body ? r.send(body) : r;
};
const consent = { method: 'phone', note: '电话联系本人，同意' };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const PERIOD = 'from=2026-01-01&to=2026-06-30&asOf=2026-09-30';
const report = (by: string, auth: string, query = PERIOD) => send('get', `/api/reports/retention?by=${by}&${query}`, auth);
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));

async function publishedOrder(auth: string, title: string, category: string): Promise<string> {
  const job = (await send('post', '/api/job-orders', auth, {
    title, category, headcount: 10, wageMin: 5000, wageMax: 7000, startDate: inDays(20), ageMin: 16, ageMax: 60,
  })).body;
  const published = await send('post', `/api/job-orders/${job.id}/transitions`, auth, { action: 'publish', version: job.version });
  expect(published.status).toBe(201);
  return job.id;
}

interface Fixture {
  order: 'xiamen' | 'jiaxing';
  county: string;
  /** Who made the application: a broker of the worker's county, or the employer's invitation. */
  by: 'linxia' | 'enshi' | 'employer';
  start: string;
  arrived?: string;
  left?: string;
  /** Follow-ups: [day after arrival, status]. */
  followUps?: Array<[number, FollowUp['status']]>;
}

/**
 * The placements (asOf 2026-09-30: eligible for 30 / 90 / 180 days if arrived by 08-31 / 07-02 / 04-03):
 * P1–P4 Xiamen 电子厂, P5–P7 Jiaxing 纺织服装; P8 arrived before the period. Day 14 and 102 are not programme days
 * (counted one by one); day 102 of P4 falls on asOf itself (due, not late).
 */
const PLACEMENTS: Record<string, Fixture> = {
  P1: { order: 'xiamen', county: '622925', by: 'linxia', start: '2026-01-08', arrived: '2026-01-10',
    followUps: [[3, 'done'], [7, 'done'], [30, 'done'], [90, 'overdue'], [180, 'done']] },
  P2: { order: 'xiamen', county: '622921', by: 'linxia', start: '2026-01-30', arrived: '2026-02-01', left: '2026-02-20',
    followUps: [[3, 'done'], [7, 'done'], [30, 'cancelled'], [90, 'cancelled'], [180, 'cancelled']] },
  P3: { order: 'xiamen', county: '622925', by: 'linxia', start: '2026-05-15', arrived: '2026-05-15', left: '2026-07-01',
    followUps: [[3, 'done'], [7, 'overdue'], [30, 'done'], [90, 'cancelled'], [180, 'cancelled']] },
  P4: { order: 'xiamen', county: '422801', by: 'enshi', start: '2026-06-18', arrived: '2026-06-20',
    followUps: [[3, 'done'], [7, 'done'], [30, 'done'], [90, 'due'], [102, 'due'], [180, 'scheduled']] },
  P5: { order: 'jiaxing', county: '622921', by: 'linxia', start: '2026-03-01', arrived: '2026-03-01', left: '2026-06-10',
    followUps: [[3, 'done'], [7, 'done'], [30, 'overdue'], [90, 'done'], [180, 'cancelled']] },
  P6: { order: 'jiaxing', county: '622925', by: 'employer', start: '2026-04-01', arrived: '2026-04-02',
    followUps: [[3, 'done'], [7, 'overdue'], [14, 'done'], [30, 'done'], [90, 'done'], [180, 'scheduled']] },
  P7: { order: 'jiaxing', county: '622925', by: 'linxia', start: '2026-06-25' },
  P8: { order: 'xiamen', county: '622925', by: 'linxia', start: '2025-12-18', arrived: '2025-12-20', followUps: [[3, 'done'], [7, 'done']] },
};

async function makePlacement(f: Fixture, orders: Record<string, string>): Promise<{ id: string; workerId: string }> {
  const employer = f.order === 'xiamen' ? xiamen : jiaxing;
  const broker = f.county === '422801' ? enshi : linxia;
  const workerId = (await send('post', '/api/workers', admin, workerInput(f.county))).body.id;
  const move = async (auth: string, body: object) => {
    const res = await send('post', `/api/applications/${id}/transitions`, auth, body);
    expect(res.status).toBe(201);
  };
  let id: string;
  if (f.by === 'employer') {
    const invited = await send('post', '/api/applications', employer, { jobOrderId: orders[f.order], workerId });
    expect(invited.body).toMatchObject({ status: 'offered', channel: 'employer' });
    id = invited.body.id;
  } else {
    const applied = await send('post', '/api/applications', broker, { jobOrderId: orders[f.order], workerId, consent });
    expect(applied.body).toMatchObject({ status: 'applied', channel: 'broker' });
    id = applied.body.id;
    await move(employer, { action: 'offer' });
  }
  await move(broker, { action: 'accept', consent });
  await move(employer, { action: 'place', startDate: f.start });
  if (f.arrived) await move(employer, { action: 'arrive', date: f.arrived });
  if (f.left) await move(employer, { action: 'leave', date: f.left, reason: '家中有事，回乡' });
  return { id, workerId };
}

beforeAll(async () => {
  api = await startApi();
  ({ url, dataSource: ds } = api);
  [admin, coordinator, linxia, enshi, officer, xiamen, jiaxing, worker] = await Promise.all(
    ['admin', 'coordinator', 'broker_linxia', 'broker_enshi', 'officer_linxia', 'employer_xiamen', 'employer_jiaxing', '13900000001'].map((l) => bearer(url, l)),
  );
  const orders = {
    xiamen: await publishedOrder(xiamen, '电子厂装配工（长白班）', '电子厂'),
    jiaxing: await publishedOrder(jiaxing, '针织车间缝纫工', '纺织服装'),
  };
  const brokers: Array<{ username: string; id: string }> = await ds.query(`SELECT username, id FROM users WHERE username IN ('broker_linxia', 'broker_enshi')`);
  const brokerOf = (county: string) => brokers.find((b) => b.username === (county === '422801' ? 'broker_enshi' : 'broker_linxia'))!.id;
  const rows: Array<Partial<FollowUp>> = [];
  for (const [name, f] of Object.entries(PLACEMENTS)) {
    const { id, workerId } = await makePlacement(f, orders);
    ids[name] = id;
    for (const [day, status] of f.followUps ?? []) {
      const dueOn = addDays(f.arrived!, day);
      rows.push({
        applicationId: id, workerId, countyCode: f.county, brokerId: brokerOf(f.county), dayOffset: day, dueOn, status,
        doneAt: status === 'done' ? new Date(`${dueOn}T10:00:00+08:00`) : null,
        overdueAt: status === 'overdue' ? new Date(`${addDays(dueOn, 4)}T00:05:00+08:00`) : null,
      });
    }
  }
  await ds.getRepository(FollowUp).insert(rows);
  [{ name: xiamenName }, { name: jiaxingName }] = await ds.query(
    `SELECT e.name FROM job_orders j JOIN employers e ON e.id = j.employer_id WHERE j.id = ANY($1) ORDER BY array_position($1, j.id)`,
    [[orders.xiamen, orders.jiaxing]],
  );
}, 120_000);
afterAll(() => api?.close());

const rowsBy = (body: { rows: RetentionRowDto[] }) => Object.fromEntries(body.rows.map((r) => [r.label, r]));
/** The figures of a row, compactly: placements/arrived, [eligible, retained, rate] × 30/90/180, follow-ups. */
const figures = (r: RetentionRowDto) => ({
  placements: r.placements, arrived: r.arrived,
  r30: [r.retained30.eligible, r.retained30.retained, r.retained30.rate],
  r90: [r.retained90.eligible, r.retained90.retained, r.retained90.rate],
  r180: [r.retained180.eligible, r.retained180.retained, r.retained180.rate],
  followUps: { due: r.followUpsDue, done: r.done, overdue: r.overdue, late: r.dueLate, completion: r.completionRate, overdueRate: r.overdueRate },
});

const XIAMEN = {
  placements: 4, arrived: 4, r30: [4, 3, 0.75], r90: [4, 2, 0.5], r180: [2, 1, 0.5],
  followUps: { due: 15, done: 11, overdue: 2, late: 1, completion: 0.7857, overdueRate: 0.1333 },
};
const JIAXING = {
  placements: 3, arrived: 2, r30: [2, 2, 1], r90: [2, 2, 1], r180: [2, 1, 0.5],
  followUps: { due: 10, done: 7, overdue: 2, late: 1, completion: 0.7, overdueRate: 0.2 },
};
const TOTAL = {
  placements: 7, arrived: 6, r30: [6, 5, 0.8333], r90: [6, 4, 0.6667], r180: [4, 2, 0.5],
  followUps: { due: 25, done: 18, overdue: 4, late: 2, completion: 0.75, overdueRate: 0.16 },
};
const HEZHENG = {
  placements: 4, arrived: 3, r30: [3, 3, 1], r90: [3, 2, 0.6667], r180: [2, 2, 1],
  followUps: { due: 14, done: 10, overdue: 3, late: 1, completion: 0.7143, overdueRate: 0.2143 },
};
const LINXIA_COUNTY = {
  placements: 2, arrived: 2, r30: [2, 1, 0.5], r90: [2, 1, 0.5], r180: [2, 0, 0],
  followUps: { due: 6, done: 5, overdue: 1, late: 0, completion: 0.8333, overdueRate: 0.1667 },
};
const ENSHI = {
  placements: 1, arrived: 1, r30: [1, 1, 1], r90: [1, 1, 1], r180: [0, 0, null],
  followUps: { due: 5, done: 3, overdue: 0, late: 1, completion: 0.75, overdueRate: 0 },
};

describe('GET /api/reports/retention', () => {
  it('by employer: retention with its denominators, follow-up rates, and the total (admin)', async () => {
    const res = await report('employer', admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ by: 'employer', from: '2026-01-01', to: '2026-06-30', asOf: '2026-09-30' });
    const rows = rowsBy(res.body);
    expect(Object.keys(rows)).toEqual([xiamenName, jiaxingName]);
    expect(figures(rows[xiamenName])).toEqual(XIAMEN);
    expect(figures(rows[jiaxingName])).toEqual(JIAXING);
    expect(res.body.total).toMatchObject({ key: 'total', label: '合计' });
    expect(figures(res.body.total)).toEqual(TOTAL);
  });

  it('by broker (the broker who made the placement), origin county, destination city, category and month', async () => {
    const broker = rowsBy((await report('broker', coordinator)).body);
    expect(Object.keys(broker).sort()).toEqual(['向春燕', '非经纪人报名', '马建国'].sort());
    expect(figures(broker['马建国'])).toEqual({
      placements: 5, arrived: 4, r30: [4, 3, 0.75], r90: [4, 2, 0.5], r180: [3, 1, 0.3333],
      followUps: { due: 14, done: 11, overdue: 3, late: 0, completion: 0.7857, overdueRate: 0.2143 },
    });
    expect(figures(broker['向春燕'])).toEqual(ENSHI);
    expect(figures(broker['非经纪人报名'])).toEqual({
      placements: 1, arrived: 1, r30: [1, 1, 1], r90: [1, 1, 1], r180: [1, 1, 1],
      followUps: { due: 6, done: 4, overdue: 1, late: 1, completion: 0.6667, overdueRate: 0.1667 },
    });

    const origin = (await report('origin_county', admin)).body;
    expect(origin.rows.map((r: RetentionRowDto) => [r.key, r.label])).toEqual([
      ['622925', '临夏回族自治州和政县'], ['622921', '临夏回族自治州临夏县'], ['422801', '恩施土家族苗族自治州恩施市'],
    ]);
    expect(origin.rows.map(figures)).toEqual([HEZHENG, LINXIA_COUNTY, ENSHI]);

    const cities = (await report('destination_city', admin)).body;
    expect(cities.rows.map((r: RetentionRowDto) => [r.key, r.label])).toEqual([['350200', '厦门市'], ['330400', '嘉兴市']]);
    expect(cities.rows.map(figures)).toEqual([XIAMEN, JIAXING]);

    const categories = rowsBy((await report('category', admin)).body);
    expect(figures(categories['电子厂'])).toEqual(XIAMEN);
    expect(figures(categories['纺织服装'])).toEqual(JIAXING);

    const months = (await report('month', admin)).body;
    expect(months.rows.map((r: RetentionRowDto) => [r.label, r.placements, r.arrived])).toEqual([
      ['2026-01', 1, 1], ['2026-02', 1, 1], ['2026-03', 1, 1], ['2026-04', 1, 1], ['2026-05', 1, 1], ['2026-06', 2, 1],
    ]);
    expect(figures(months.total)).toEqual(TOTAL);
  });

  it('a broker and an officer see the placements of their counties only; the same figures as for everything', async () => {
    for (const auth of [linxia, officer]) {
      const res = (await report('origin_county', auth)).body;
      expect(res.rows.map((r: RetentionRowDto) => r.key)).toEqual(['622925', '622921']);
      expect(res.rows.map(figures)).toEqual([HEZHENG, LINXIA_COUNTY]);
      expect(res.total.placements).toBe(6);
    }
    const byEmployer = rowsBy((await report('employer', linxia)).body);
    expect(byEmployer[xiamenName].placements).toBe(3); // P4 is an Enshi worker's
    const enshiSide = (await report('employer', enshi)).body;
    expect(enshiSide.rows.map((r: RetentionRowDto) => [r.label, r.placements])).toEqual([[xiamenName, 1]]);
  });

  it('an employer sees its own placements, grouped by employer, category, month or destination only', async () => {
    const own = (await report('category', xiamen)).body;
    expect(own.rows.map((r: RetentionRowDto) => r.label)).toEqual(['电子厂']);
    expect(figures(own.rows[0])).toEqual(XIAMEN);
    expect(figures(own.total)).toEqual(XIAMEN);
    expect((await report('employer', jiaxing)).body.rows.map((r: RetentionRowDto) => r.label)).toEqual([jiaxingName]);
    for (const by of ['broker', 'origin_county']) expect((await report(by, xiamen)).status).toBe(403);
    expect((await report('month', worker)).status).toBe(403);
  });

  it('400 names the field: an unknown grouping, a date that does not exist, a future asOf, from after to', async () => {
    const bad = await send('get', '/api/reports/retention?by=county', admin);
    expect(bad.status).toBe(400);
    expect(Object.keys(fields(bad.body))).toEqual(['by']);
    const missing = await send('get', '/api/reports/retention', admin);
    expect(Object.keys(fields(missing.body))).toEqual(['by']);
    const day = await send('get', '/api/reports/retention?by=month&from=2026-02-30&asOf=2026-9-1', admin);
    expect(day.status).toBe(400);
    expect(Object.keys(fields(day.body)).sort()).toEqual(['asOf', 'from']);
    expect(fields((await send('get', `/api/reports/retention?by=month&asOf=${inDays(3)}`, admin)).body)).toEqual({ asOf: expect.stringContaining('不能晚于今天') });
    expect(fields((await send('get', '/api/reports/retention?by=month&from=2026-07-01&to=2026-06-30&asOf=2026-09-30', admin)).body)).toEqual({
      from: expect.stringContaining('不能晚于截止日期'),
    });
    expect((await send('get', '/api/reports/retention.csv?by=nope', admin)).status).toBe(400);
  });
});

describe('GET /api/reports/retention.csv and .xlsx', () => {
  it('CSV: UTF-8 BOM, a Chinese header, the rows and the total; the period in the file name', async () => {
    const res = await send('get', `/api/reports/retention.csv?by=employer&${PERIOD}`, admin).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('就业留存-按用工企业-2026-01-01至2026-06-30（统计日2026-09-30）.csv')}`,
    );
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF用工企业,安置人数,已到岗,到岗满30天,30天仍在岗,30天留存率,')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`${xiamenName},4,4,4,3,75.0%,4,2,50.0%,2,1,50.0%,15,11,2,1,78.6%,13.3%`);
    expect(lines[3]).toBe('合计,7,6,6,5,83.3%,6,4,66.7%,4,2,50.0%,25,18,4,2,75.0%,16.0%');
  });

  it('XLSX opens with exceljs: header, the rows (rates as percentages), the total', async () => {
    const res = await send('get', `/api/reports/retention.xlsx?by=origin_county&${PERIOD}`, linxia).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('按输出县'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    const sheet = workbook.getWorksheet('就业留存')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 4)).toEqual(['输出县', '安置人数', '已到岗', '到岗满30天']);
    expect(values(2)).toEqual(['临夏回族自治州和政县', 4, 3, 3, 3, 1, 3, 2, 0.6667, 2, 2, 1, 14, 10, 3, 1, 0.7143, 0.2143]);
    expect(values(3)[0]).toBe('临夏回族自治州临夏县');
    expect(values(4).slice(0, 2)).toEqual(['合计', 6]);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(6).numFmt).toBe('0.0%');
  });
});

// Last: these change the fixtures.
describe('keeping in step', () => {
  it('defaults to a year up to today, and follows the changes: a placement ends, a follow-up is done', async () => {
    const defaults = (await send('get', '/api/reports/retention?by=month', admin)).body;
    expect(defaults.asOf).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    expect(defaults.to).toBe(defaults.asOf);
    expect(defaults.from).toBe(addDays(defaults.asOf, -364));

    // P4 (arrived 06-20) leaves on 09-10 after 82 days: still retained at 30, no longer at 90.
    const leave = await send('post', `/api/applications/${ids.P4}/transitions`, xiamen, { action: 'leave', date: '2026-09-10', reason: '合同到期' });
    expect(leave.status).toBe(201);
    // P6's day-180 follow-up (scheduled, due 09-29, late) is done after all; folds racing each other apply it once.
    await ds.query(`UPDATE follow_ups SET status = 'done', done_at = now() WHERE application_id = $1 AND day_offset = 180`, [ids.P6]);
    const folds = await Promise.all([1, 2, 3].map(() => api.app.get(RetentionSummaryService).fold()));
    expect(folds.map((f) => f.changes).sort()).toEqual([0, 0, 3]); // P4 recomputed; P6's follow-up −1 open +1 done
    const after = (await report('employer', admin)).body;
    expect(figures(after.total)).toEqual({
      ...TOTAL, r90: [6, 3, 0.5],
      followUps: { due: 25, done: 19, overdue: 4, late: 1, completion: 0.7917, overdueRate: 0.16 },
    });
    expect(figures(rowsBy((await report('employer', linxia)).body)[jiaxingName]).followUps.done).toBe(8);
  });
});
