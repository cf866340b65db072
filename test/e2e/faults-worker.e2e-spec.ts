import { getQueueToken } from '@nestjs/bullmq';
import { addDays, beijingDay, FollowupJob, QueueName } from '@daogang/platform';
import { makeIdNumber } from '@daogang/registry';
import type { Queue } from 'bullmq';
import pg from 'pg';
import request from 'supertest';
import { startTestApi, type TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';
import { testConfig } from '../support/config.js';
import { startWorkerProcess, type WorkerProcess } from '../support/process/worker-process.js';

/**
 * The worker process killed without warning (SIGKILL, as a crash or an OOM kill) in the middle of a job, then a new
 * worker process started: BullMQ hands the job over once the dead worker's hold has run out (QUEUE_LOCK_MS, checked
 * every QUEUE_STALLED_CHECK_MS — shortened here), and the job ends with exactly the right data — nothing lost,
 * nothing done twice. Real processes, the real PostgreSQL and Redis.
 */
let api: TestApi;
let broker: string, employer: string, coordinator: string, admin: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await startTestApi();
  [broker, employer, coordinator, admin] = await Promise.all(['broker_linxia', 'employer_xiamen', 'coordinator', 'admin'].map((l) => bearer(api.url, l)));
}, 60000);
afterAll(async () => {
  for (const w of workers) await w.stop().catch(() => undefined);
  await api?.close();
});

/** A worker process whose hold on a job lasts 2 s (production: 30 s), so a takeover takes seconds, not a minute. */
async function worker(): Promise<WorkerProcess> {
  const w = await startWorkerProcess(testConfig(api.config.DATABASE_URL, { QUEUE_LOCK_MS: 2000, QUEUE_STALLED_CHECK_MS: 1000 }));
  workers.push(w);
  return w;
}

/** Polls `probe` every 20 ms until it answers true (or fails after `ms`). */
async function until(probe: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await api.dataSource.query(sql, params))[0] as T;

describe('the worker process killed mid-job', () => {
  it('an import of 30,000 rows killed after its first batches resumes after the last committed batch: every row once', async () => {
    const rows = 30_000;
    const header = '姓名,身份证号,县代码,乡镇,村';
    // Distinct valid ID numbers: 500 sequence numbers per birth day, one birth day after another from 1970.
    const born = (i: number) => new Date(Date.UTC(1970, 0, 1 + Math.floor(i / 500))).toISOString().slice(0, 10);
    const letters = (i: number) => [...String(i)].map((d) => String.fromCharCode(97 + Number(d))).join(''); // names take no digits
    const lines = Array.from({ length: rows }, (_, i) => `导入${letters(i)},${makeIdNumber('622925', born(i), (i % 500) * 2)},622925,城关镇,故障村`);
    const file = Buffer.from('\uFEFF' + [header, ...lines].join('\r\n') + '\r\n');
    const before = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM workers`)).n;

    const first = await worker();
    const upload = await request(api.url).post('/api/workers/imports').set('Authorization', broker).attach('file', file, '故障村.csv');
    expect(upload.status).toBe(202);
    const importId = upload.body.id;
    const progress = () => one<{ processed_rows: number; status: string }>(`SELECT processed_rows, status FROM worker_imports WHERE id = $1`, [importId]);
    await until(async () => (await progress()).processed_rows >= 2000, 60_000, 'the first batches');
    await first.kill();
    const cut = await progress();
    expect(cut.status).toBe('running');
    expect(cut.processed_rows).toBeLessThan(rows); // killed mid-way, not after the end

    await worker();
    await until(async () => (await progress()).status === 'completed', 150_000, 'the import to be taken over and completed');
    const done = await one<Record<string, number>>(
      `SELECT processed_rows, inserted, updated, unchanged, failed_rows FROM worker_imports WHERE id = $1`, [importId]);
    const errors = await api.dataSource.query('SELECT row_number, message FROM worker_import_errors WHERE import_id = $1 ORDER BY row_number LIMIT 3', [importId]);
    expect({ ...done, errors }).toEqual({ processed_rows: rows, inserted: rows, updated: 0, unchanged: 0, failed_rows: 0, errors: [] });
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM workers`)).n).toBe(before + rows);
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM workers WHERE village = '故障村'`)).n).toBe(rows);
    expect((await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM worker_status_changes c JOIN workers w ON w.id = c.worker_id WHERE w.village = '故障村'`)).n).toBe(rows);
  }, 240_000);

  it('a follow-up scan promoting 20,000 killed mid-way: every follow-up due once, every notice recorded once', async () => {
    // One placement arrives today; 20,000 follow-ups of it fall due today (day offsets 1…20,000).
    const today = beijingDay();
    const placed = await one<{ id: string }>(`SELECT id FROM applications WHERE status = 'placed' LIMIT 1`);
    await api.dataSource.query(`UPDATE applications SET start_date = $2 WHERE id = $1`, [placed.id, addDays(today, -1)]);
    expect((await request(api.url).post(`/api/applications/${placed.id}/transitions`).set('Authorization', employer).send({ action: 'arrive' })).status).toBe(201);
    const app = await one<{ worker_id: string; worker_county_code: string; created_by: string }>(
      `SELECT worker_id, worker_county_code, created_by FROM applications WHERE id = $1`, [placed.id]);
    const total = 20_000;
    await api.dataSource.query(
      `INSERT INTO follow_ups (application_id, worker_id, county_code, broker_id, programme, day_offset, due_on)
       SELECT $1, $2, $3, $4, 'default', d, $5::date FROM generate_series(1, $6::int) d`,
      [placed.id, app.worker_id, app.worker_county_code, app.created_by, today, total],
    );
    const due = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM follow_ups WHERE application_id = $1 AND status = 'due'`, [placed.id])).n;

    const first = await worker();
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Followup));
    await queue.add(FollowupJob.ScanFollowUps, { today });
    await until(async () => (await due()) >= 2000, 60_000, 'the first batches of the scan');
    await first.kill();
    expect(await due()).toBeLessThan(total);

    await worker();
    await until(async () => (await due()) === total, 150_000, 'the scan to be taken over and finished');
    const notices = await one<{ inbox: number; distinct_inbox: number; sms: number; distinct_sms: number }>(
      `SELECT (SELECT count(*)::int FROM notifications WHERE dedupe_key LIKE 'follow-up:%:due:%') AS inbox,
              (SELECT count(DISTINCT split_part(dedupe_key, ':', 2))::int FROM notifications WHERE dedupe_key LIKE 'follow-up:%:due:%') AS distinct_inbox,
              (SELECT count(*)::int FROM sms_messages WHERE dedupe_key LIKE 'follow-up:%:check-in:%') AS sms,
              (SELECT count(DISTINCT split_part(dedupe_key, ':', 2))::int FROM sms_messages WHERE dedupe_key LIKE 'follow-up:%:check-in:%') AS distinct_sms`);
    // The broker's inbox: one 今天到期 per follow-up; the worker's check-in invitation: one per follow-up.
    expect(notices.inbox).toBe(total);
    expect(notices.distinct_inbox).toBe(total);
    expect(notices.sms).toBe(notices.distinct_sms);
    expect([0, total]).toContain(notices.sms); // by SMS when the worker has a mobile on file
  }, 240_000);

  it('a dispatch plan killed inside its transaction (trips written, not committed) is planned again once: every rider in one seat', async () => {
    // Six workers placed on a Xiamen order starting in 40 days, through the API.
    const start = addDays(beijingDay(), 40);
    const send = (method: 'get' | 'post', path: string, auth: string, body?: object) => {
      const r = request(api.url)[method](path).set('Authorization', auth);
      return body ? r.send(body) : r;
    };
    const job = (await send('post', '/api/job-orders', employer, {
      title: '电子厂装配工 故障批', category: '电子厂', headcount: 10, wageMin: 5500, wageMax: 7000, startDate: start, ageMin: 16, ageMax: 60,
    })).body;
    expect((await send('post', `/api/job-orders/${job.id}/transitions`, employer, { action: 'publish', version: job.version })).status).toBe(201);
    const consent = { method: 'in_person', note: '村委会当面确认' };
    const applications: string[] = [];
    for (let i = 0; i < 6; i++) {
      const w = await send('post', '/api/workers', admin, workerInput('622925'));
      const a = (await send('post', '/api/applications', broker, { jobOrderId: job.id, workerId: w.body.id, consent })).body;
      await send('post', `/api/applications/${a.id}/transitions`, broker, { action: 'offer' });
      await send('post', `/api/applications/${a.id}/transitions`, broker, { action: 'accept', consent });
      expect((await send('post', `/api/applications/${a.id}/transitions`, employer, { action: 'place', startDate: start })).status).toBe(201);
      applications.push(a.id);
    }

    // Another session holds trip_riders in SHARE mode: the plan's transaction stops at its first seat, after writing
    // the first trip and its stops — and the worker is killed there.
    const blocker = new pg.Client({ connectionString: api.config.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE trip_riders IN SHARE MODE');
    const first = await worker();
    const plan = await send('post', '/api/dispatch/plans', coordinator, { startFrom: start, startTo: start, options: { seats: [2] } });
    expect(plan.status).toBe(201);
    await until(async () => (await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%trip_riders%'`)).n > 0,
    60_000, 'the plan to wait inside its transaction');
    await first.kill();
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM trips WHERE plan_id = $1`, [plan.body.id])).n).toBe(0); // nothing committed

    await worker();
    await until(async () => (await one<{ status: string }>(`SELECT status FROM dispatch_plans WHERE id = $1`, [plan.body.id])).status === 'draft',
      150_000, 'the plan to be taken over and finished');
    const riders: Array<{ application_id: string; seats: number }> = await api.dataSource.query(
      `SELECT r.application_id, count(*)::int AS seats FROM trip_riders r JOIN trips t ON t.id = r.trip_id
        WHERE t.plan_id = $1 GROUP BY 1`, [plan.body.id]);
    expect(riders.map((r) => r.application_id).sort()).toEqual([...applications].sort());
    expect(riders.every((r) => r.seats === 1)).toBe(true);
    const trips = await one<{ n: number; over: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE (SELECT count(*) FROM trip_riders r WHERE r.trip_id = t.id) > t.seats)::int AS over
         FROM trips t WHERE t.plan_id = $1`, [plan.body.id]);
    expect(trips).toEqual({ n: 3, over: 0 }); // six riders, buses of two seats
  }, 240_000);
});
