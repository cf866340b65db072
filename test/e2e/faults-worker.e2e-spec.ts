import { getQueueToken } from '@nestjs/bullmq';
import { addDays, beijingDay, FollowupJob, QueueName } from '@daogang/platform';
import { makeIdNumber } from '@daogang/registry';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { startTestApi, type TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';
import { startWorkerProcess, type WorkerProcess } from '../support/process/worker-process.js';

/**
 * The worker process killed without warning (SIGKILL, as a crash or an OOM kill) in the middle of a job, then a new
 * worker process started: BullMQ hands the job over once the dead worker's lock has expired (lock 30 s, stalled
 * check every 30 s: within about a minute), and the job ends with exactly the right data — nothing lost, nothing
 * done twice. Real processes, the real PostgreSQL and Redis.
 */
let api: TestApi;
let broker: string, employer: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  api = await startTestApi();
  [broker, employer] = await Promise.all([bearer(api.url, 'broker_linxia'), bearer(api.url, 'employer_xiamen')]);
}, 60000);
afterAll(async () => {
  for (const w of workers) await w.stop().catch(() => undefined);
  await api?.close();
});

async function worker(): Promise<WorkerProcess> {
  const w = await startWorkerProcess(api.config);
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
});
