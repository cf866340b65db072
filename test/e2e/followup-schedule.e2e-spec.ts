/**
 * The follow-up schedule against the real API, PostgreSQL, Redis and worker app: arrivals become follow-ups once,
 * scans move them day by day with one notice per step and recipient, and an interrupted run leaves no half batch.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { FollowUpScheduleService } from '@daogang/followup';
import { PLACEMENT_ARRIVED_TOPIC } from '@daogang/matching';
import { beijingDay, FollowupJob, QueueName } from '@daogang/platform';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';
import { addDays } from '../../libs/followup/src/schedule/follow-up-days.js';
import { PROMOTE_DUE } from '../../libs/followup/src/schedule/follow-up-schedule.sql.js';
import { startTestApi, TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let worker: INestApplication;
let schedule: FollowUpScheduleService;
let admin: string, linxia: string, xiamen: string;
const users: Record<string, string> = {};

const today = beijingDay();
const plus = (n: number) => addDays(today, n);
const consent = { method: 'in_person', note: '村委会当面确认' };
let seq = 0;

beforeAll(async () => {
  api = await startTestApi();
  [admin, linxia, xiamen] = await Promise.all(['admin', 'broker_linxia', 'employer_xiamen'].map((l) => bearer(api.url, l)));
  for (const row of await api.dataSource.query(`SELECT id, coalesce(username, 'u' || id::text) AS login FROM users`)) users[row.login] = row.id;
  // The worker app without its schedulers: the tests drive the service (the last tests run the real schedulers).
  worker = await createWorkerApp(api.config, { schedules: false });
  await worker.init();
  schedule = worker.get(FollowUpScheduleService);
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

const send = (method: 'post' | 'get', path: string, auth: string, body?: object) => {
  const r = request(api.url)[method](path).set('Authorization', auth);
  return body ? r.send(body) : r;
};
const move = async (id: string, auth: string, body: object) => {
  const res = await send('post', `/api/applications/${id}/transitions`, auth, body);
  expect({ body, status: res.status }).toEqual({ body, status: 201 });
  return res.body;
};

/** A published Xiamen order (or a local one: work county = the workers' home county). */
async function order(workCountyCode?: string): Promise<string> {
  const job = (await send('post', '/api/job-orders', xiamen, {
    title: `电子厂装配工 回访第${++seq}批`, category: '电子厂', headcount: 30, wageMin: 5500, wageMax: 7000, startDate: plus(20), ageMin: 16, ageMax: 60,
    ...(workCountyCode ? { workCountyCode } : {}),
  })).body;
  expect((await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action: 'publish', version: job.version })).status).toBe(201);
  return job.id;
}

/** A new Hezheng worker applied for by `creator` (broker or admin), offered, accepted, placed and arrived through the API. */
async function arrival(orderId: string, options: { creator?: string; date?: string; county?: string } = {}): Promise<{ applicationId: string; workerId: string }> {
  const w = await send('post', '/api/workers', admin, workerInput(options.county ?? '622925'));
  expect(w.status).toBe(201);
  const a = await send('post', '/api/applications', options.creator ?? linxia, { jobOrderId: orderId, workerId: w.body.id, consent });
  expect(a.status).toBe(201);
  await move(a.body.id, xiamen, { action: 'offer' });
  await move(a.body.id, linxia, { action: 'accept', consent });
  await move(a.body.id, xiamen, { action: 'place', startDate: plus(20) });
  await move(a.body.id, xiamen, { action: 'arrive', ...(options.date ? { date: options.date } : {}) });
  return { applicationId: a.body.id, workerId: w.body.id };
}

interface Row { id: string; day_offset: number; due_on: string; status: string; broker_id: string | null; programme: string; county_code: string; escalated_at: Date | null }
const followUps = (applicationId: string): Promise<Row[]> => api.dataSource.query(
  `SELECT id, day_offset, due_on::text, status, broker_id, programme, county_code, escalated_at FROM follow_ups WHERE application_id = $1 ORDER BY day_offset`,
  [applicationId],
);

/** Every notice recorded for the follow-ups, as `step template recipient` lines (inbox by user, SMS by masked mobile). */
async function notices(ids: string[]): Promise<string[]> {
  const rows: Array<{ line: string }> = await api.dataSource.query(
    `SELECT split_part(dedupe_key, ':', 3) || ' ' || template || ' inbox ' || user_id AS line FROM notifications WHERE split_part(dedupe_key, ':', 2) = ANY($1)
     UNION ALL
     SELECT split_part(dedupe_key, ':', 3) || ' ' || template || ' sms ' || mobile_masked FROM sms_messages WHERE split_part(dedupe_key, ':', 2) = ANY($1)`,
    [ids],
  );
  return rows.map((r) => r.line).sort();
}

describe('follow-ups from arrivals', () => {
  it('an arrival gets exactly five follow-ups on days 3, 7, 30, 90 and 180, assigned to the broker who placed the worker', async () => {
    const { applicationId, workerId } = await arrival(await order());
    const created = await schedule.createFromArrivals();
    expect(created.created).toBeGreaterThanOrEqual(5);
    const rows = await followUps(applicationId);
    expect(rows.map((r) => [r.day_offset, r.due_on])).toEqual([[3, plus(3)], [7, plus(7)], [30, plus(30)], [90, plus(90)], [180, plus(180)]]);
    expect(rows.every((r) => r.status === 'scheduled' && r.broker_id === users.broker_linxia && r.programme === 'default' && r.county_code === '622925')).toBe(true);
    const [{ worker_id }] = await api.dataSource.query('SELECT DISTINCT worker_id FROM follow_ups WHERE application_id = $1', [applicationId]);
    expect(worker_id).toBe(workerId);
    // The outbox row is the one the arrival wrote; the cursor stands on it or after it.
    const [{ id: eventId }] = await api.dataSource.query('SELECT id::text FROM outbox_events WHERE topic = $1 AND key = $2', [PLACEMENT_ARRIVED_TOPIC, applicationId]);
    expect(BigInt(created.cursor)).toBeGreaterThanOrEqual(BigInt(eventId));
  });

  it('counts from the day of arrival (a back-dated arrival), in Beijing days', async () => {
    const { applicationId } = await arrival(await order(), { date: plus(-2) });
    await schedule.createFromArrivals();
    expect((await followUps(applicationId)).map((r) => r.due_on)).toEqual([plus(1), plus(5), plus(28), plus(88), plus(178)]);
  });

  it('a placement in the worker\'s home county follows the `local` programme', async () => {
    const { applicationId } = await arrival(await order('622925'));
    await schedule.createFromArrivals();
    const rows = await followUps(applicationId);
    expect(rows.map((r) => r.day_offset)).toEqual([3, 30, 90, 180]);
    expect(new Set(rows.map((r) => r.programme))).toEqual(new Set(['local']));
  });

  it('not created by a broker: the first active broker of the worker\'s county; none there: unassigned', async () => {
    // A second Hezheng broker, created later: the longest-serving one is chosen, whatever the order of the rows.
    const later = await send('post', '/api/admin/users', admin, { role: 'broker', username: `broker_hz_${Date.now()}`, displayName: '冶海军', password: 'daogang123', countyCodes: ['622925'] });
    expect(later.status).toBe(201);
    const orderId = await order();
    const byAdmin = await arrival(orderId, { creator: admin });
    await schedule.createFromArrivals();
    expect(new Set((await followUps(byAdmin.applicationId)).map((r) => r.broker_id))).toEqual(new Set([users.broker_linxia]));

    const unassigned = await arrival(orderId, { creator: admin });
    await api.dataSource.query(`UPDATE users SET status = 'disabled' WHERE role = 'broker' AND id IN (SELECT user_id FROM user_counties WHERE county_code = '622925')`);
    try {
      await schedule.createFromArrivals();
    } finally {
      await api.dataSource.query(`UPDATE users SET status = 'active' WHERE role = 'broker'`);
    }
    const rows = await followUps(unassigned.applicationId);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.broker_id === null)).toBe(true);
  });

  it('runs twice and concurrently without a duplicate or an error; a placement that ended before its turn gets none', async () => {
    const orderId = await order();
    const first = await arrival(orderId);
    const second = await arrival(orderId);
    const gone = await arrival(orderId);
    await move(gone.applicationId, xiamen, { action: 'leave', reason: '家中有事，回家了' });
    const runs = await Promise.all([schedule.createFromArrivals(), schedule.createFromArrivals(), schedule.createFromArrivals()]);
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(10);
    expect((await schedule.createFromArrivals()).created).toBe(0);
    expect(await followUps(first.applicationId)).toHaveLength(5);
    expect(await followUps(second.applicationId)).toHaveLength(5);
    expect(await followUps(gone.applicationId)).toHaveLength(0);
    // The overlap is read again on every run (transactions commit out of id order): still nothing twice.
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM (SELECT application_id, day_offset FROM follow_ups GROUP BY 1, 2 HAVING count(*) > 1) d`);
    expect(n).toBe(0);
  });

  it('a crash before commit redoes the page; after commit nothing is redone', async () => {
    const { applicationId } = await arrival(await order());
    const [{ last_id: before }] = await api.dataSource.query(`SELECT last_id::text FROM index_cursors WHERE consumer = 'followup-schedule'`);
    await expect(schedule.createFromArrivals({ onPage: () => { throw new Error('worker killed'); } })).rejects.toThrow('worker killed');
    expect(await followUps(applicationId)).toHaveLength(0);
    const [{ last_id: after }] = await api.dataSource.query(`SELECT last_id::text FROM index_cursors WHERE consumer = 'followup-schedule'`);
    expect(after).toBe(before);
    expect((await schedule.createFromArrivals()).created).toBe(5);
    expect(await followUps(applicationId)).toHaveLength(5);
  });
});

describe('the daily scan', () => {
  it('moves scheduled → due → overdue → escalated on the right days, with one notice per step and recipient, even run twice or concurrently', async () => {
    const { applicationId } = await arrival(await order());
    await schedule.createFromArrivals();
    const [day3, day7] = await followUps(applicationId);
    const ids = [day3.id, day7.id];
    const status = async () => (await followUps(applicationId)).slice(0, 2).map((r) => `${r.status}${r.escalated_at ? '+escalated' : ''}`);
    const twice = async (day: string) => {
      await Promise.all([schedule.scan(day), schedule.scan(day)]);
      await schedule.scan(day);
    };
    const broker = `inbox ${users.broker_linxia}`;
    const officer = `inbox ${users.officer_linxia}`;
    const [{ mobile_masked: mobile }] = await api.dataSource.query('SELECT w.mobile_masked FROM workers w JOIN applications a ON a.worker_id = w.id WHERE a.id = $1', [applicationId]);

    await twice(plus(2));
    expect(await status()).toEqual(['scheduled', 'scheduled']);
    expect(await notices(ids)).toEqual([]);

    await twice(plus(3));
    expect(await status()).toEqual(['due', 'scheduled']);
    expect(await notices(ids)).toEqual([`check-in follow_up_check_in sms ${mobile}`, `due follow_up_due ${broker}`]);

    await twice(plus(6)); // due on day 3, 3 days of grace: still due on day 6
    expect(await status()).toEqual(['due', 'scheduled']);

    await twice(plus(7));
    expect(await status()).toEqual(['overdue', 'due']);
    expect(await notices(ids)).toEqual([
      `check-in follow_up_check_in sms ${mobile}`, `check-in follow_up_check_in sms ${mobile}`,
      `due follow_up_due ${broker}`, `due follow_up_due ${broker}`, `overdue follow_up_overdue ${broker}`,
    ]);

    await twice(plus(13)); // overdue since day 7: not yet 7 days
    expect(await status()).toEqual(['overdue', 'overdue']);
    expect((await notices([day3.id])).filter((n) => n.startsWith('escalated'))).toEqual([]);

    await twice(plus(14));
    expect(await status()).toEqual(['overdue+escalated', 'overdue']);
    expect((await notices([day3.id])).filter((n) => n.startsWith('escalated'))).toEqual([`escalated follow_up_escalated ${officer}`]);
    expect(await notices([day7.id])).toEqual([`check-in follow_up_check_in sms ${mobile}`, `due follow_up_due ${broker}`, `overdue follow_up_overdue ${broker}`]);
  });

  it('a worker with an account is invited in the inbox and by SMS, to the check-in page', async () => {
    // The demo worker (马小军, 13900000001) holds the seeded offer from Xiamen.
    const me = await bearer(api.url, '13900000001');
    const [offer] = (await send('get', '/api/applications', me)).body.items;
    await move(offer.id, me, { action: 'accept' });
    await move(offer.id, xiamen, { action: 'place', startDate: plus(20) });
    await move(offer.id, xiamen, { action: 'arrive' });
    await schedule.createFromArrivals();
    const [day3] = await followUps(offer.id);
    await schedule.scan(plus(3));
    const inbox = (await send('get', '/api/me/notifications', me)).body;
    expect(inbox.items.find((n: { title: string }) => n.title === '请报个平安')).toMatchObject({ link: '/m/check-in' });
    const [{ user_id: me_id, mobile_masked }] = await api.dataSource.query(
      'SELECT w.user_id, w.mobile_masked FROM workers w JOIN applications a ON a.worker_id = w.id WHERE a.id = $1', [offer.id],
    );
    expect(await notices([day3.id])).toEqual([
      `check-in follow_up_check_in inbox ${me_id}`, `check-in follow_up_check_in sms ${mobile_masked}`, `due follow_up_due inbox ${users.broker_linxia}`,
    ]);
  });
});

describe('restart at any moment', () => {
  /** `count` extra follow-ups of one arrived placement (days 1001…), all due on `dueOn`, assigned to the Linxia broker. */
  async function dueBatch(count: number, dueOn: string): Promise<{ applicationId: string; ids: string[] }> {
    const { applicationId } = await arrival(await order());
    const rows: Array<{ id: string }> = await api.dataSource.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, broker_id, day_offset, due_on)
       SELECT a.id, a.worker_id, a.worker_county_code, $2, 1000 + g, $3::date FROM applications a, generate_series(1, $4) g WHERE a.id = $1
       RETURNING id`,
      [applicationId, users.broker_linxia, dueOn, count],
    );
    return { applicationId, ids: rows.map((r) => r.id) };
  }
  const statuses = async (ids: string[]) => {
    const rows: Array<{ status: string; n: number }> = await api.dataSource.query(
      `SELECT status || CASE WHEN escalated_at IS NULL THEN '' ELSE '+escalated' END AS status, count(*)::int AS n FROM follow_ups WHERE id = ANY($1) GROUP BY 1`, [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };
  const count = async (ids: string[], step: string) => (await notices(ids)).filter((n) => n.startsWith(`${step} `)).length;

  it('a scan cut off mid-way (an exception, then a killed connection) leaves no half batch; the next run finishes without a duplicate', async () => {
    // Due long ago, so that no other test's follow-ups fall into these scans.
    const { ids } = await dueBatch(20, '2020-01-01');

    // Crash while promoting: batch 2 of 6 throws inside its transaction.
    await expect(schedule.scan('2020-01-01', { batchSize: 6, onBatch: (step, n) => { if (step === 'due' && n === 2) throw new Error('worker killed'); } }))
      .rejects.toThrow('worker killed');
    expect(await statuses(ids)).toEqual({ due: 6, scheduled: 14 });
    expect(await count(ids, 'due')).toBe(6); // the broker's inbox, for the committed batch only
    expect(await count(ids, 'check-in')).toBe(6); // the worker's SMS
    const resumed = await schedule.scan('2020-01-01', { batchSize: 6 });
    expect(resumed).toMatchObject({ due: 14, overdue: 0, escalated: 0 });
    expect(await statuses(ids)).toEqual({ due: 20 });
    expect(await count(ids, 'due')).toBe(20);
    expect(await count(ids, 'check-in')).toBe(20);

    // Crash while marking overdue: the database connection dies in batch 3 (as when the process is killed).
    await expect(schedule.scan('2020-01-10', {
      batchSize: 6,
      onBatch: async (step, n, manager) => { if (step === 'overdue' && n === 3) await manager.query('SELECT pg_terminate_backend(pg_backend_pid())'); },
    })).rejects.toThrow();
    expect(await statuses(ids)).toEqual({ overdue: 12, due: 8 });
    expect(await count(ids, 'overdue')).toBe(12);
    await schedule.scan('2020-01-10');
    await schedule.scan('2020-01-10');
    expect(await statuses(ids)).toEqual({ overdue: 20 });
    expect(await count(ids, 'overdue')).toBe(20);

    // Crash while escalating, then two runs at once.
    await expect(schedule.scan('2020-01-17', { batchSize: 8, onBatch: (step, n) => { if (step === 'escalated' && n === 2) throw new Error('SIGKILL'); } }))
      .rejects.toThrow('SIGKILL');
    expect(await statuses(ids)).toEqual({ 'overdue+escalated': 8, overdue: 12 });
    await Promise.all([schedule.scan('2020-01-17', { batchSize: 5 }), schedule.scan('2020-01-17', { batchSize: 5 })]);
    expect(await statuses(ids)).toEqual({ 'overdue+escalated': 20 });
    expect(await count(ids, 'escalated')).toBe(20); // one officer serves Hezheng
    // Nothing sent twice: every SMS row is unique per follow-up, and the pool still works after the killed connection.
    const [{ sms }] = await api.dataSource.query(`SELECT count(*)::int AS sms FROM sms_messages WHERE split_part(dedupe_key, ':', 2) = ANY($1)`, [ids]);
    expect(sms).toBe(20);
  });
});

describe('the end of a placement', () => {
  it('cancelFor cancels the open follow-ups in the caller\'s transaction and keeps the ones done; the scan then leaves them alone', async () => {
    const { applicationId } = await arrival(await order());
    await schedule.createFromArrivals();
    await schedule.scan(plus(7)); // day 3 and day 7 due
    const [day3] = await followUps(applicationId);
    await api.dataSource.query(`UPDATE follow_ups SET status = 'done', done_at = now() WHERE id = $1`, [day3.id]);
    // Rolled back with the caller's transaction…
    await expect(api.dataSource.transaction(async (manager) => {
      expect(await schedule.cancelFor(manager, applicationId)).toBe(4);
      throw new Error('the leaving flow failed');
    })).rejects.toThrow('the leaving flow failed');
    expect((await followUps(applicationId)).map((r) => r.status)).toEqual(['done', 'due', 'scheduled', 'scheduled', 'scheduled']);
    // …committed with it.
    expect(await api.dataSource.transaction((manager) => schedule.cancelFor(manager, applicationId))).toBe(4);
    expect((await followUps(applicationId)).map((r) => r.status)).toEqual(['done', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(await api.dataSource.transaction((manager) => schedule.cancelFor(manager, applicationId))).toBe(0);
    const before = await notices((await followUps(applicationId)).map((r) => r.id));
    await schedule.scan(plus(200));
    expect((await followUps(applicationId)).map((r) => r.status)).toEqual(['done', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    expect(await notices((await followUps(applicationId)).map((r) => r.id))).toEqual(before);
  });

  it('a placement that ended without cancelFor has its follow-ups cancelled when the scan reaches them, telling nobody', async () => {
    const { applicationId } = await arrival(await order());
    await schedule.createFromArrivals();
    await move(applicationId, xiamen, { action: 'leave', reason: '工厂减员' });
    const ids = (await followUps(applicationId)).map((r) => r.id);
    await schedule.scan(plus(3));
    expect((await followUps(applicationId)).map((r) => r.status)).toEqual(['cancelled', 'scheduled', 'scheduled', 'scheduled', 'scheduled']);
    expect(await notices(ids)).toEqual([]);
  });
});

describe('the worker app', () => {
  it('runs the schedulers: new arrivals become follow-ups, the scan job reminds once, and a restarted worker repeats nothing', async () => {
    const { applicationId } = await arrival(await order());
    let scheduled = await createWorkerApp(api.config);
    await scheduled.init();
    try {
      const queue = scheduled.get<Queue>(getQueueToken(QueueName.Followup));
      expect(await queue.getJobScheduler('create-follow-ups')).toMatchObject({ every: 10_000, name: FollowupJob.CreateFollowUps });
      expect(await queue.getJobScheduler('scan-follow-ups')).toMatchObject({ every: 300_000, name: FollowupJob.ScanFollowUps });
      // The first CreateFollowUps runs as the worker starts.
      for (let i = 0; i < 100 && (await followUps(applicationId)).length < 5; i++) await new Promise((r) => setTimeout(r, 200));
      const [day3] = await followUps(applicationId);
      expect((await followUps(applicationId)).length).toBe(5);

      // A scan "as of" day 3 through the queue; the SMS is sent by the notifications queue, once.
      await queue.add(FollowupJob.ScanFollowUps, { today: plus(3) });
      const sent = async () => (await api.dataSource.query(
        `SELECT status FROM sms_messages WHERE dedupe_key LIKE $1`, [`follow-up:${day3.id}:check-in:%`],
      )).map((r: { status: string }) => r.status);
      for (let i = 0; i < 100 && (await sent())[0] !== 'sent'; i++) await new Promise((r) => setTimeout(r, 200));
      expect(await sent()).toEqual(['sent']);
      expect((await followUps(applicationId))[0].status).toBe('due');
      const before = await notices([day3.id]);
      expect(before).toHaveLength(2);

      // Restart: a new process, the schedulers upserted again, the same scan queued again.
      await scheduled.close();
      scheduled = await createWorkerApp(api.config);
      await scheduled.init();
      const again = await scheduled.get<Queue>(getQueueToken(QueueName.Followup)).add(FollowupJob.ScanFollowUps, { today: plus(3) });
      for (let i = 0; i < 100 && !(await again.isCompleted()); i++) await new Promise((r) => setTimeout(r, 200));
      expect(await again.isCompleted()).toBe(true);
      expect(await notices([day3.id])).toEqual(before);
      expect(await sent()).toEqual(['sent']);
      expect(await followUps(applicationId)).toHaveLength(5);
    } finally {
      await scheduled.close();
    }
  }, 60_000);
});

describe('at scale', () => {
  it('the scan walks the (status, due_on) index and promotes 10,000 due follow-ups among 110,000 rows', async () => {
    const { applicationId } = await arrival(await order());
    const apps: string[] = [applicationId];
    for (let i = 0; i < 3; i++) apps.push((await arrival(await order())).applicationId);
    // 100,000 follow-ups due in the future, 10,000 due on 2019-06-01 (before anything else in this database).
    await api.dataSource.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, broker_id, day_offset, due_on)
       SELECT a.id, a.worker_id, a.worker_county_code, $2, 2000 + g, DATE '2030-01-01' + (g % 365)
         FROM applications a, generate_series(1, 25000) g WHERE a.id = ANY($1)`,
      [apps, users.broker_linxia],
    );
    await api.dataSource.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, broker_id, day_offset, due_on)
       SELECT a.id, a.worker_id, a.worker_county_code, $2, 28000 + g, DATE '2019-06-01'
         FROM applications a, generate_series(1, 2500) g WHERE a.id = ANY($1)`,
      [apps, users.broker_linxia],
    );
    await api.dataSource.query('ANALYZE follow_ups');
    // The batch is a range of the (status, due_on) index; the update finds its rows by primary key, never by a scan.
    const [{ 'QUERY PLAN': plan }] = await api.dataSource.query(`EXPLAIN (FORMAT JSON) ${PROMOTE_DUE}`, ['2019-06-01', 2000, new Date()]);
    const nodes: Array<Record<string, string>> = [];
    const walk = (node: Record<string, unknown>) => { nodes.push(node as Record<string, string>); for (const child of (node.Plans as Array<Record<string, unknown>>) ?? []) walk(child); };
    walk(plan[0].Plan);
    expect(nodes.find((n) => n['Index Name'] === 'follow_ups_scan_idx')).toMatchObject({ 'Relation Name': 'follow_ups' });
    expect(nodes.filter((n) => n['Relation Name'] === 'follow_ups' && n['Node Type'] === 'Seq Scan')).toEqual([]);

    // Only the steps asked for run (a bench, a manual run).
    expect(await schedule.scan('2019-06-01', { steps: ['overdue', 'escalated'] })).toMatchObject({ due: 0, batches: 2 });
    const result = await schedule.scan('2019-06-01');
    await schedule.settled();
    // How fast is bench/followup's business (≤ 1 s on an idle machine); a suite asserts what, not how fast.
    expect(result).toMatchObject({ due: 10_000, overdue: 0, escalated: 0 });
  }, 120_000);
});
