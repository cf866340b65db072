import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { FollowUpScheduleService } from '@daogang/followup';
import { addDays, beijingDay, QueueName, ReportingJob } from '@daogang/platform';
import { ReportSummaryService, type CountyRankDto, type VillageRowDto } from '@daogang/reporting';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';

/**
 * Officers' reports through HTTP on the real PostgreSQL. The fixture is one village, 红星村 of 和政县 (622925), of 40
 * labourers in 12 households, registered through the API with the statuses below, so the village's figures are
 * counted by hand; the county's figures (demo data included) are checked against a full recount of the base tables.
 */
let api: TestApi;
let url: string;
let ds: DataSource;
let admin: string, officer: string, broker: string, employer: string;
const COUNTY = '622925';
const TOWNSHIP = '红星乡';
const VILLAGE = '红星村';
const today = beijingDay();

type S = 'out' | 'prov' | 'county' | 'welfare' | 'self' | 'train' | 'not';
const STATUS: Record<S, string> = {
  out: 'employed_out_of_province', prov: 'employed_in_province', county: 'employed_in_county', welfare: 'public_welfare_post',
  self: 'self_employed', train: 'in_training', not: 'not_employed',
};
/**
 * 12 households, 40 people. By hand: 省外 10, 省内县外 5, 县内 5, 公益性岗位 2, 自主创业 1, 培训 2, 未就业 15;
 * employed 23 of 40 (57.5 %); zero-employment households: HX10, HX11, HX12 (nobody employed) — 3.
 */
const HOUSEHOLDS: S[][] = [
  ['out', 'out', 'not', 'train'], // HX01
  ['out', 'out', 'prov', 'not'], // HX02
  ['out', 'out', 'prov', 'county'], // HX03
  ['out', 'out', 'prov', 'not'], // HX04
  ['out', 'prov', 'county'], // HX05
  ['out', 'prov', 'not'], // HX06
  ['county', 'county', 'welfare'], // HX07
  ['welfare', 'self', 'train'], // HX08
  ['county', 'not', 'not'], // HX09
  ['not', 'not', 'not'], // HX10
  ['not', 'not', 'not'], // HX11
  ['not', 'not', 'not'], // HX12
];
/** Worker ids of the fixture, by household index and member index. */
const people: string[][] = [];

const get = (path: string, auth: string) => request(url).get(path).set('Authorization', auth);
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
const village = async (query = '') => {
  const res = await get(`/api/reports/destinations/villages?countyCode=${COUNTY}${query}`, officer);
  expect(res.status).toBe(200);
  return res.body.villages.find((v: VillageRowDto) => v.village === VILLAGE) as VillageRowDto;
};
const countyRow = async (auth = officer, query = '') => {
  const res = await get(`/api/reports/dashboard${query}`, auth);
  expect(res.status).toBe(200);
  return { body: res.body, row: res.body.counties.find((c: CountyRankDto) => c.countyCode === COUNTY) as CountyRankDto };
};
const setStatus = async (workerId: string, status: S) => {
  const res = await request(url).post(`/api/workers/${workerId}/status`).set('Authorization', officer).send({ status: STATUS[status], note: '测试' });
  expect(res.status).toBe(201);
};

async function expectSummaryEqualsRecount(): Promise<void> {
  const summary = api.app.get(ReportSummaryService);
  await summary.fold();
  expect(await summary.counts()).toEqual(await summary.recount());
}

beforeAll(async () => {
  api = await startTestApi();
  url = api.url;
  ds = api.dataSource;
  [admin, officer, broker, employer] = await Promise.all(
    ['admin', 'officer_linxia', 'broker_linxia', 'employer_xiamen'].map((login) => bearer(url, login)),
  );
  for (const [h, members] of HOUSEHOLDS.entries()) {
    const ids: string[] = [];
    for (const s of members) {
      const res = await request(url).post('/api/workers').set('Authorization', officer).send(workerInput(COUNTY, {
        township: TOWNSHIP, village: VILLAGE, householdNo: `HX${String(h + 1).padStart(2, '0')}`, employmentStatus: STATUS[s],
      }));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    people.push(ids);
  }
});

let worker: INestApplication | undefined;
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

describe('劳动就业去向 of one village, counted by hand', () => {
  it('counts the village: 40 labourers, 23 employed by class, 12 households of which 3 with nobody employed', async () => {
    expect(await village()).toEqual({
      township: TOWNSHIP, village: VILLAGE, workers: 40, employed: 23, employmentRate: 0.575,
      destinations: { outOfProvince: 10, inProvince: 5, inCounty: 5, publicWelfare: 2, selfEmployed: 1, inTraining: 2, notEmployed: 15 },
      completenessRate: expect.any(Number), households: 12, zeroHouseholds: 3, changed: null, registered: null,
    });
    const [{ complete }] = await ds.query(
      `SELECT count(*) FILTER (WHERE cardinality(missing_fields) = 0)::int AS complete FROM workers WHERE village = $1`, [VILLAGE]);
    expect((await village()).completenessRate).toBe(Math.round((complete / 40) * 10_000) / 10_000);
    await expectSummaryEqualsRecount();
  });

  it('lists each labourer with the destination class; the comparison day marks who changed, who changed back, who is new', async () => {
    // Registered ten days ago (as if): then, since three days ago, HX09's 县内 worker left work, two of HX10 went
    // out of the province, HX07's 县内 worker went to 省外 and came back (no change in the end).
    await ds.query(
      `UPDATE worker_status_changes SET changed_at = now() - interval '10 days' WHERE worker_id = ANY($1::uuid[])`, [people.flat()]);
    await setStatus(people[8][0], 'not');
    await setStatus(people[9][0], 'out');
    await setStatus(people[9][1], 'out');
    await setStatus(people[6][0], 'out');
    await setStatus(people[6][0], 'county');
    const since = addDays(today, -3);

    const counts = await village(`&since=${since}`);
    expect(counts).toMatchObject({
      // HX10 has two at work now, HX09 nobody: still 3 zero-employment households.
      workers: 40, employed: 24, changed: 3, registered: 0, zeroHouseholds: 3,
      destinations: { outOfProvince: 12, inCounty: 4, notEmployed: 14 },
    });

    const table = await get(
      `/api/reports/destinations?countyCode=${COUNTY}&township=${TOWNSHIP}&village=${VILLAGE}&since=${since}&pageSize=500`, officer);
    expect(table.status).toBe(200);
    expect(table.body.total).toBe(40);
    const byId = new Map(table.body.items.map((r: { workerId: string }) => [r.workerId, r]));
    expect(byId.get(people[9][0])).toMatchObject({
      status: STATUS.out, statusZh: '省外就业', destination: 'out_of_province', statusAtSince: STATUS.not, change: 'changed',
      household: 'HX10', idNumberMasked: expect.stringMatching(/^622925\*+/),
    });
    expect(byId.get(people[8][0])).toMatchObject({ status: STATUS.not, destination: null, statusAtSince: STATUS.county, change: 'changed' });
    expect(byId.get(people[6][0])).toMatchObject({ status: STATUS.county, destination: 'in_county', statusAtSince: STATUS.county, change: 'unchanged' });
    expect(byId.get(people[0][0])).toMatchObject({ change: 'unchanged', statusAtSince: STATUS.out });

    const changedOnly = await get(`/api/reports/destinations?countyCode=${COUNTY}&village=${VILLAGE}&since=${since}&changedOnly=true`, officer);
    expect(changedOnly.body.items.map((r: { workerId: string }) => r.workerId).sort()).toEqual([people[8][0], people[9][0], people[9][1]].sort());

    // A worker registered since the comparison day is "new", not "changed".
    const newcomer = await request(url).post('/api/workers').set('Authorization', officer)
      .send(workerInput(COUNTY, { township: TOWNSHIP, village: VILLAGE, householdNo: 'HX12' }));
    expect(newcomer.status).toBe(201);
    expect(await village(`&since=${since}`)).toMatchObject({ workers: 41, changed: 3, registered: 1, households: 12 });
    const row = (await get(`/api/reports/destinations?countyCode=${COUNTY}&village=${VILLAGE}&since=${since}&pageSize=500`, officer))
      .body.items.find((r: { workerId: string }) => r.workerId === newcomer.body.id);
    expect(row).toMatchObject({ change: 'registered', statusAtSince: null });
    await expectSummaryEqualsRecount();
  });

  it('exports the table and the villages as CSV and XLSX', async () => {
    const csv = await get(`/api/reports/destinations/villages.csv?countyCode=${COUNTY}`, officer).buffer(true)
      .parse((res, done) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => done(null, Buffer.concat(parts))); });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain(encodeURIComponent('和政县各村就业去向'));
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF乡镇,村,劳动力,就业人数,就业率,')).toBe(true);
    expect(text).toContain(`${TOWNSHIP},${VILLAGE},41,24,58.5%,12,`);

    const xlsx = await get(`/api/reports/destinations.xlsx?countyCode=${COUNTY}&village=${VILLAGE}`, officer).buffer(true)
      .parse((res, done) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => done(null, Buffer.concat(parts))); });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('劳动就业去向表');
    expect(sheet.getRow(1).values).toEqual([undefined, '乡镇', '村', '户编号', '姓名', '身份证号', '性别', '年龄', '就业状态', '去向类别', '用工单位', '就业地', '到岗日', '比较日状态', '变化']);
    expect(sheet.rowCount).toBe(42);
  });
});

describe('日调度 dashboard and ranking', () => {
  it('gives each county of the officer\'s province its figures, equal to a recount, ranked, with the change since the last snapshot', async () => {
    const { body, row } = await countyRow();
    // The demo seed took yesterday's snapshot: since then, 红星村's 41 people were registered, 24 of them at work now.
    expect(body).toMatchObject({ day: today, live: true, previousDay: addDays(today, -1), rankBy: 'employmentRate' });
    expect(body.counties.every((c: CountyRankDto) => c.countyCode.startsWith('62'))).toBe(true);
    expect(row).toMatchObject({ countyName: '和政县', mine: true, change: { workers: 41, employed: 24, zeroHouseholds: 3, overdue: 0, openCases: 0 } });
    const [{ workers, employed, households, zero }] = await ds.query(
      `SELECT (SELECT count(*) FROM workers WHERE home_county_code = $1)::int AS workers,
              (SELECT count(*) FROM workers WHERE home_county_code = $1 AND employment_status IN
                ('employed_in_county', 'employed_in_province', 'employed_out_of_province', 'public_welfare_post', 'self_employed'))::int AS employed,
              (SELECT count(*) FROM households WHERE county_code = $1)::int AS households,
              (SELECT count(*) FROM households WHERE county_code = $1 AND zero_employment)::int AS zero`, [COUNTY]);
    expect(row).toMatchObject({ workers, employed, households, zeroHouseholds: zero });
    expect(body.counties.map((c: CountyRankDto) => c.rank)).toEqual(body.counties.map((_: unknown, i: number) => i + 1));
    const rates = body.counties.map((c: CountyRankDto) => c.employmentRate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));

    // Yesterday's snapshot is what stands now; then three more of 红星村 go to work today.
    await api.app.get(ReportSummaryService).snapshot(addDays(today, -1));
    await setStatus(people[10][0], 'out');
    await setStatus(people[10][1], 'prov');
    await setStatus(people[11][0], 'county');
    const after = await countyRow();
    expect(after.body.previousDay).toBe(addDays(today, -1));
    expect(after.row.employed).toBe(row.employed + 3);
    expect(after.row.change).toMatchObject({ employed: 3, workers: 0, zeroHouseholds: -2, overdue: 0 });
    expect(after.row.change!.employmentRate).toBeCloseTo(after.row.employmentRate - row.employmentRate, 4);
    expect(after.body.totalChange).toMatchObject({ rank: null, employed: 3, workers: 0 }); // only 和政县 changed

    // Yesterday as a day of its own: the snapshot, not the live counts.
    const yesterday = await countyRow(officer, `?day=${addDays(today, -1)}`);
    expect(yesterday.body.live).toBe(false);
    expect(yesterday.row.employed).toBe(row.employed);
    await expectSummaryEqualsRecount();
  });

  it('counts overdue follow-ups and open cases of the county, and ranks by them fewest first', async () => {
    // The demo placement arrives today; its follow-ups are created, then scanned 60 days on.
    const [placed] = await ds.query(`SELECT id FROM applications WHERE status = 'placed' AND worker_county_code = $1 LIMIT 1`, [COUNTY]);
    await ds.query(`UPDATE applications SET start_date = $2 WHERE id = $1`, [placed.id, today]);
    const arrived = await request(url).post(`/api/applications/${placed.id}/transitions`).set('Authorization', employer).send({ action: 'arrive' });
    expect(arrived.status).toBe(201);
    const schedule = api.app.get(FollowUpScheduleService);
    await schedule.createFromArrivals();
    await schedule.scan(addDays(today, 60));
    const [{ overdue }] = await ds.query(`SELECT count(*)::int AS overdue FROM follow_ups WHERE county_code = $1 AND status = 'overdue'`, [COUNTY]);
    expect(overdue).toBeGreaterThan(0);
    const [worker] = await ds.query(`SELECT worker_id FROM applications WHERE id = $1`, [placed.id]);
    await ds.query(
      `INSERT INTO follow_up_cases (application_id, worker_id, county_code, reasons, due_on) VALUES ($1, $2, $3, '{asked_for_help}', $4)`,
      [placed.id, worker.worker_id, COUNTY, today]);

    const { body, row } = await countyRow(officer, '?rankBy=overdue');
    expect(row).toMatchObject({ overdue, openCases: 1 });
    expect(body.rankBy).toBe('overdue');
    const order = body.counties.map((c: CountyRankDto) => c.overdue);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body.counties.at(-1).countyCode).toBe(COUNTY); // the only county with overdue follow-ups ranks last

    // East-side absorption: the arrival in Xiamen counts under Xiamen's pairing with Linxia.
    const absorption = await get('/api/reports/absorption', officer);
    expect(absorption.status).toBe(200);
    const [{ work }] = await ds.query(`SELECT work_county_code AS work FROM applications WHERE id = $1`, [placed.id]);
    expect(work.startsWith('3502')).toBe(true);
    expect(absorption.body.rows).toContainEqual(expect.objectContaining({ eastName: expect.stringContaining('厦门市'), absorbed: 1 }));
    expect(absorption.body.rows.map((r: { level: string }) => r.level)).toContain('county'); // 集美区 ↔ 和政县, nested in 厦门 ↔ 临夏
    await expectSummaryEqualsRecount();
  });

  it('exports the dashboard; refuses a future day, a day without a snapshot, a bad ranking and other roles', async () => {
    const csv = await get('/api/reports/dashboard.csv', officer).buffer(true)
      .parse((res, done) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => done(null, Buffer.concat(parts))); });
    expect(csv.status).toBe(200);
    expect((csv.body as Buffer).toString('utf8')).toMatch(/^\uFEFF排名,名次变化,县代码,县,劳动力,就业人数,就业率,/);
    expect((csv.body as Buffer).toString('utf8')).toContain(',622925,和政县,');

    const future = await get('/api/reports/dashboard?day=2099-01-01', officer);
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual({ day: '统计日不能晚于今天' });
    expect((await get('/api/reports/dashboard?day=2020-01-01', officer)).status).toBe(404);
    const bad = await get('/api/reports/dashboard?rankBy=name', officer);
    expect(bad.status).toBe(400);
    expect(fields(bad.body).rankBy).toContain('排名依据无效');
    expect((await get('/api/reports/dashboard', broker)).status).toBe(403);
    expect((await get('/api/reports/dashboard', employer)).status).toBe(403);
    expect((await request(url).get('/api/reports/dashboard')).status).toBe(401);
    // An officer reads the people of their own counties only; an admin any county.
    expect((await get('/api/reports/destinations/villages?countyCode=422801', officer)).status).toBe(403);
    expect((await get('/api/reports/destinations?countyCode=422801', officer)).status).toBe(403);
    expect((await get('/api/reports/destinations/villages?countyCode=422801', admin)).status).toBe(200);
    const laterSince = await get(`/api/reports/destinations/villages?countyCode=${COUNTY}&since=${addDays(today, 1)}`, officer);
    expect(laterSince.status).toBe(400);
    expect(fields(laterSince.body)).toEqual({ since: '比较日不能晚于今天' });
    const changedOnly = await get(`/api/reports/destinations?countyCode=${COUNTY}&changedOnly=true`, officer);
    expect(fields(changedOnly.body)).toEqual({ since: '只看有变化的人时，请选择比较日' });
    const noCounty = await get('/api/reports/destinations', officer);
    expect(noCounty.status).toBe(400);
    expect(fields(noCounty.body).countyCode).toBe('县代码应为6位数字');
  });
});

describe('目标任务: no fewer than last year', () => {
  it('compares each class with last year\'s figure or the set target, per county and for the province', async () => {
    const set = await request(url).put('/api/reports/targets').set('Authorization', officer).send({
      year: 2026, countyCode: COUNTY, out_of_province: { lastYear: 5 }, in_province: { lastYear: 2, target: 1000 },
    });
    expect(set.status).toBe(200);
    const county = set.body.rows.find((r: { code: string }) => r.code === COUNTY);
    const [{ out, prov }] = await ds.query(
      `SELECT count(*) FILTER (WHERE employment_status = 'employed_out_of_province')::int AS out,
              count(*) FILTER (WHERE employment_status = 'employed_in_province')::int AS prov FROM workers WHERE home_county_code = $1`, [COUNTY]);
    expect(county.figures[0]).toEqual({
      destination: 'out_of_province', destinationZh: '省外就业', current: out, lastYear: 5, target: 5, targetSource: 'last_year',
      changeFromLastYear: out - 5, met: true, gap: 0,
    });
    expect(county.figures[1]).toMatchObject({ current: prov, lastYear: 2, target: 1000, targetSource: 'set', met: false, gap: 1000 - prov });
    // 县内 keeps the figure the demo seed gave it: the target is last year's.
    expect(county.figures[2]).toMatchObject({ destination: 'in_county', lastYear: 3, target: 3, targetSource: 'last_year' });
    const province = set.body.rows.find((r: { code: string }) => r.code === '620000');
    expect(province).toMatchObject({ level: 'province', name: '甘肃省' });
    expect(province.figures[1].targetSource).toBe('sum');
    expect(province.figures[1].target).toBe(1000 + 1); // 和政县's target, and 临夏县's last year (seeded)

    // Setting only the target keeps last year's figure.
    const again = await request(url).put('/api/reports/targets').set('Authorization', officer)
      .send({ year: 2026, countyCode: COUNTY, out_of_province: { target: 7 } });
    expect(again.body.rows.find((r: { code: string }) => r.code === COUNTY).figures[0]).toMatchObject({ lastYear: 5, target: 7, targetSource: 'set' });

    const other = await request(url).put('/api/reports/targets').set('Authorization', officer)
      .send({ year: 2026, countyCode: '422801', out_of_province: { lastYear: 1 } });
    expect(other.status).toBe(403);
    const invalid = await request(url).put('/api/reports/targets').set('Authorization', officer)
      .send({ year: 1999, countyCode: '62292', out_of_province: { lastYear: -1 } });
    expect(invalid.status).toBe(400);
    expect(fields(invalid.body)).toMatchObject({ year: '年度不早于2016', countyCode: '县代码应为6位数字' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM employment_targets WHERE county_code = $1`, [COUNTY]);
    expect(n).toBe(3); // the seeded three, updated in place
  });
});

describe('the reporting queue in the worker app', () => {
  it('folds, snapshots a day (a retry replaces it) and rebuilds a summary gone wrong', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Reporting));
    const events = new QueueEvents(QueueName.Reporting, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    await events.waitUntilReady();
    worker = await createWorkerApp(api.config, { schedules: false });
    await worker.init();
    try {
      const run = async (name: ReportingJob, data: object = {}) => (await queue.add(name, data)).waitUntilFinished(events, 15000);
      await setStatus(people[11][1], 'out');
      expect((await ds.query('SELECT count(*)::int AS n FROM report_changes'))[0].n).toBeGreaterThan(0);
      expect(await run(ReportingJob.FoldReports)).toMatchObject({ changes: expect.any(Number) });
      expect((await ds.query('SELECT count(*)::int AS n FROM report_changes'))[0].n).toBe(0);

      const day = addDays(today, -2);
      const first = await run(ReportingJob.SnapshotReports, { day });
      expect(first.rows).toBeGreaterThan(0);
      await setStatus(people[11][2], 'out');
      expect(await run(ReportingJob.SnapshotReports, { day })).toEqual(first); // the day replaced, same counties and metrics
      const [{ employed }] = await ds.query(
        `SELECT n::int AS employed FROM report_daily WHERE day = $1 AND county_code = $2 AND metric = 'status:employed_out_of_province'`, [day, COUNTY]);
      const [{ live }] = await ds.query(
        `SELECT count(*)::int AS live FROM workers WHERE home_county_code = $1 AND employment_status = 'employed_out_of_province'`, [COUNTY]);
      expect(employed).toBe(live);

      // Somebody edits the summary by hand: the rebuild counts everything afresh.
      await ds.query(`UPDATE report_counts SET n = n + 5 WHERE county_code = $1 AND metric = 'workers'`, [COUNTY]);
      await ds.query(`DELETE FROM report_county_counts WHERE county_code = $1`, [COUNTY]);
      const summary = api.app.get(ReportSummaryService);
      expect(await summary.counts()).not.toEqual(await summary.recount());
      expect(await run(ReportingJob.RebuildReports)).toEqual({ rows: expect.any(Number) });
      expect(await summary.counts()).toEqual(await summary.recount());
      expect((await countyRow()).row.workers).toBe((await ds.query('SELECT count(*)::int AS n FROM workers WHERE home_county_code = $1', [COUNTY]))[0].n);
    } finally {
      await events.close();
    }
  });
});
