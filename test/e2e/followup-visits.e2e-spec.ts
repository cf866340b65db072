import { CaseFlagsService, FollowUpScheduleService } from '@daogang/followup';
import { makeIdNumber } from '@daogang/registry';
import request from 'supertest';
import { startTestApi, TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

/**
 * Visits, self check-ins, risk cases, leaving and re-employment. The follow-ups a visit answers are inserted as fixtures
 * (SQL) here; the schedule that creates them on arrival has its own suite (followup-schedule).
 */
let api: TestApi;
let admin: string, linxia: string, enshi: string, xiamen: string, me: string;

beforeAll(async () => {
  api = await startTestApi();
  [admin, linxia, enshi, xiamen, me] = await Promise.all(['admin', 'broker_linxia', 'broker_enshi', 'employer_xiamen', '13900000001'].map((l) => bearer(api.url, l)));
}, 60_000);
afterAll(() => api?.close());

const day = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const send = (method: 'post' | 'get', path: string, auth: string, body?: object) => {
  const r = request(api.url)[method](path).set('Authorization', auth);
  return body ? r.send(body) : r;
};
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
const consent = { method: 'phone', note: '电话确认' };
const move = (id: string, auth: string, body: object) => send('post', `/api/applications/${id}/transitions`, auth, body);

async function xiamenOrder(overrides: object = {}): Promise<string> {
  const job = (await send('post', '/api/job-orders', xiamen, {
    title: '电子厂装配工（回访测试）', category: '电子厂', headcount: 20, wageMin: 5500, wageMax: 7000, startDate: day(1), ageMin: 16, ageMax: 60, ...overrides,
  })).body;
  await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action: 'publish', version: job.version });
  return job.id;
}

/** A Linxia worker placed in Xiamen and arrived today, with follow-ups due today (day 3) and later (day 7, 30). */
async function arrived(workerId?: string): Promise<{ applicationId: string; workerId: string }> {
  const id = workerId ?? (await send('post', '/api/workers', admin, workerInput('622925'))).body.id;
  const a = (await send('post', '/api/applications', linxia, { jobOrderId: await xiamenOrder(), workerId: id, consent })).body;
  await move(a.id, linxia, { action: 'offer' });
  await move(a.id, linxia, { action: 'accept', consent });
  await move(a.id, xiamen, { action: 'place', startDate: day(0) });
  expect((await move(a.id, xiamen, { action: 'arrive' })).status).toBe(201);
  await followUps(a.id);
  return { applicationId: a.id, workerId: id };
}

async function followUps(applicationId: string, rows: Array<[number, string, string]> = [[3, day(0), 'due'], [7, day(4), 'scheduled'], [30, day(27), 'scheduled']]) {
  const [a] = await api.dataSource.query('SELECT worker_id, worker_county_code FROM applications WHERE id = $1', [applicationId]);
  for (const [offset, due, status] of rows) {
    await api.dataSource.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, day_offset, due_on, status, broker_id)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE username = 'broker_linxia'))`,
      [applicationId, a.worker_id, a.worker_county_code, offset, due, status],
    );
  }
}

const visit = (applicationId: string, body: object, auth = linxia) => send('post', `/api/placements/${applicationId}/visits`, auth, body);
const fine = { channel: 'phone', stillEmployed: true, wagePaidOnTime: true, monthlyWage: 6000, hoursPerWeek: 60, housingOk: true, foodOk: true };

describe('follow-up visits and cases', () => {
  it('a visit where all is well completes the follow-up due and opens no case', async () => {
    const { applicationId } = await arrived();
    const today = (await send('get', '/api/follow-ups', linxia)).body;
    expect(today.items.find((i: { applicationId: string }) => i.applicationId === applicationId)).toMatchObject({ dayOffset: 3, status: 'due', statusZh: '今日到期' });
    expect(today.counts.today).toBeGreaterThanOrEqual(1);
    expect((await send('get', '/api/follow-ups', enshi)).body.items.some((i: { applicationId: string }) => i.applicationId === applicationId)).toBe(false);
    expect(fields((await send('get', '/api/follow-ups?view=tomorrow', linxia)).body)).toEqual({ view: '视图无效，可选：today、overdue、upcoming、done' });
    const res = await visit(applicationId, fine);
    expect(res.status).toBe(201);
    const upcoming = (await send('get', '/api/follow-ups?view=upcoming', linxia)).body.items.filter((i: { applicationId: string }) => i.applicationId === applicationId);
    expect(upcoming.map((i: { dayOffset: number }) => i.dayOffset)).toEqual([7]);
    expect(res.body).toMatchObject({ followUpDay: 3, risks: [], channel: 'phone' });
    expect(res.body.caseId).toBeUndefined();
    const rows = await api.dataSource.query('SELECT day_offset, status, visit_id FROM follow_ups WHERE application_id = $1 ORDER BY day_offset', [applicationId]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['done', 'scheduled', 'scheduled']);
    expect(rows[0].visit_id).toBe(res.body.id);
    expect((await send('get', `/api/placements/${applicationId}/visits`, linxia)).body).toHaveLength(1);
    expect((await send('get', `/api/placements/${applicationId}/visits`, enshi)).status).toBe(404);
  });

  it('arrears and intent to leave open one case for the broker; a later wage drop adds to the same case', async () => {
    const { applicationId } = await arrived();
    const first = await visit(applicationId, { ...fine, wagePaidOnTime: false, problems: ['wage_arrears'], intentToLeave: true, notes: '3月工资未发' });
    expect(first.body.risks).toEqual(['欠薪', '有离职意向']);
    const c = (await send('get', `/api/cases/${first.body.caseId}`, linxia)).body;
    expect(c).toMatchObject({ status: 'open', reasons: ['wage_arrears', 'intent_to_leave'], dueOn: day(2), overdue: false });
    const [{ id: brokerId }] = await api.dataSource.query(`SELECT id FROM users WHERE username = 'broker_linxia'`);
    expect(c.ownerId).toBe(brokerId);
    // The day-7 follow-up is within three days? No (due in 4) — this visit answers nothing more; the wage drop still counts.
    const second = await visit(applicationId, { ...fine, monthlyWage: 4500 });
    expect(second.body.risks).toEqual(['工资下降20%以上']);
    expect(second.body.caseId).toBe(first.body.caseId);
    const [{ n, reasons }] = await api.dataSource.query(`SELECT count(*)::int AS n, max(array_to_string(reasons, ',')) AS reasons FROM follow_up_cases WHERE application_id = $1`, [applicationId]);
    expect({ n, reasons }).toEqual({ n: 1, reasons: 'intent_to_leave,wage_arrears,wage_drop' });
    expect((await send('get', `/api/cases/${first.body.caseId}`, enshi)).status).toBe(404);
    expect((await send('get', '/api/cases?status=open', enshi)).body.total).toBe(0);
  });

  it('validates the visit per field', async () => {
    const { applicationId } = await arrived();
    const res = await visit(applicationId, { channel: 'letter', stillEmployed: 'yes', problems: ['tired'], monthlyWage: -5 });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res.body)).sort()).toEqual(['channel', 'monthlyWage', 'problems', 'stillEmployed']);
    expect((await visit(applicationId, fine, xiamen)).status).toBe(403);
  });

  it('a worker checks in: "all good" is a visit, "I need help" opens a case; without a job there is nothing to check in', async () => {
    const myId = (await send('get', '/api/me/worker-profile', me)).body.id as string;
    const { applicationId } = await arrived(myId);
    const ok = await send('post', '/api/me/check-in', me, { answer: 'ok' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ channel: 'self_check_in', followUpDay: 3, risks: [] });
    const help = await send('post', '/api/me/check-in', me, { answer: 'need_help', note: '这个月工资还没发' });
    expect(help.body.risks).toEqual(['本人求助']);
    const c = (await send('get', `/api/cases/${help.body.caseId}`, linxia)).body;
    expect(c).toMatchObject({ applicationId, reasons: ['needs_help'] });
    expect(fields((await send('post', '/api/me/check-in', me, { answer: 'fine' })).body)).toEqual({ answer: '请选择“一切都好”或“需要帮助”' });

    // Leaving through the visit: status, household and the follow-ups follow; a case asks for re-placement.
    const [before] = await api.dataSource.query(
      `SELECT h.id, h.employed_count FROM households h JOIN workers w ON w.household_id = h.id WHERE w.id = $1`, [myId],
    );
    const left = await visit(applicationId, { ...fine, stillEmployed: false, notes: '家中老人生病，已回家' });
    expect(left.body.risks).toEqual(['已离职待再就业']);
    expect(left.body.caseId).toBe(help.body.caseId); // the open case takes the new reason
    expect((await send('get', `/api/applications/${applicationId}`, linxia)).body).toMatchObject({ status: 'left', reason: '家中老人生病，已回家' });
    expect((await send('get', '/api/me/worker-profile', me)).body.employmentStatus).toBe('not_employed');
    const [after] = await api.dataSource.query(
      `SELECT employed_count, zero_employment, NOT EXISTS (SELECT 1 FROM workers m WHERE m.household_id = h.id
         AND m.employment_status IN ('employed_in_county','employed_in_province','employed_out_of_province','public_welfare_post','self_employed')) AS none_employed
         FROM households h WHERE h.id = $1`, [before.id],
    );
    expect(after.employed_count).toBe(before.employed_count - 1);
    expect(after.zero_employment).toBe(after.none_employed);
    const open = await api.dataSource.query(`SELECT status FROM follow_ups WHERE application_id = $1 AND status <> 'done' ORDER BY day_offset`, [applicationId]);
    expect(open.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect((await send('post', '/api/me/check-in', me, { answer: 'ok' })).status).toBe(409);
  });

  it('a worker back home gets local jobs and public-welfare posts first; the case closes with its outcome', async () => {
    // Young enough for any job (the ranking applies statutory retirement ages).
    const young = workerInput('622925', { idNumber: makeIdNumber('622925', '1996-08-08', 500 + Math.floor(Math.random() * 400)) });
    const { applicationId, workerId } = await arrived((await send('post', '/api/workers', admin, young)).body.id);
    const lost = await visit(applicationId, { ...fine, stillEmployed: false, notes: '厂里裁员' });
    // A job in the worker's home county (a workshop of the Xiamen employer in 和政县).
    const local = (await send('post', '/api/job-orders', admin, {
      employerId: (await api.dataSource.query(`SELECT employer_id FROM job_orders LIMIT 1`))[0].employer_id,
      title: '扶贫车间手工编织', category: '其他', headcount: 10, wageMin: 2500, wageMax: 3500, startDate: day(10), ageMin: 16, ageMax: 60,
      workCountyCode: '622925',
    })).body;
    const publish = await send('post', `/api/job-orders/${local.id}/transitions`, admin, { action: 'publish', version: local.version });
    expect(publish.status).toBe(201);
    const recs = (await send('get', `/api/cases/${lost.body.caseId}/recommendations`, linxia)).body;
    expect(recs.workerId).toBe(workerId);
    expect(recs.items[0].job).toMatchObject({ id: local.id, workCountyCode: '622925' });

    const bad = await send('post', `/api/cases/${lost.body.caseId}/close`, linxia, { outcome: 'changed_job', note: '去了别的厂' });
    expect(fields(bad.body)).toEqual({ newApplicationId: '换工作请选择新的录用' });
    const closed = await send('post', `/api/cases/${lost.body.caseId}/close`, linxia, { outcome: 'left_home', note: '在家照顾老人，已推荐本县扶贫车间' });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'left_home', outcomeZh: '已离职返乡' });
    expect((await send('post', `/api/cases/${lost.body.caseId}/close`, linxia, { outcome: 'resolved', note: 'x' })).status).toBe(409);
  });

  it('two missed follow-ups open a case once (the last step of the scan job); a placement ended elsewhere loses its follow-ups', async () => {
    const { applicationId } = await arrived();
    await api.dataSource.query(`UPDATE follow_ups SET status = 'overdue', overdue_at = now() WHERE application_id = $1 AND day_offset IN (3, 7)`, [applicationId]);
    const flags = api.app.get(CaseFlagsService);
    expect(await flags.flagMissedFollowUps()).toBeGreaterThanOrEqual(1);
    await flags.flagMissedFollowUps();
    const rows = await api.dataSource.query(`SELECT reasons FROM follow_up_cases WHERE application_id = $1`, [applicationId]);
    expect(rows).toEqual([{ reasons: ['missed_follow_ups'] }]);
    expect((await move(applicationId, xiamen, { action: 'leave', reason: '合同到期' })).status).toBe(201);
    // Left through the applications API (the employer), not a visit: the schedule reads placements.ended from the outbox.
    await api.app.get(FollowUpScheduleService).createFromArrivals();
    const left = await api.dataSource.query(`SELECT DISTINCT status FROM follow_ups WHERE application_id = $1`, [applicationId]);
    expect(left).toEqual([{ status: 'cancelled' }]);
  });
});
