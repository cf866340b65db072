import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { NotificationsJob, QueueName } from '@daogang/platform';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';
import { startTestApi, type TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

/**
 * Redis goes away under a running API and comes back (a redis-server of this test's own, killed with SIGKILL and
 * started again on the same port — the shared Redis of the other suites is left alone). Meanwhile the API keeps
 * serving reads, and the writes whose side effects go through Redis (SMS jobs, search-index nudges) commit; the side
 * effects land once Redis is back, from what PostgreSQL holds (the SMS outbox, the outbox of indexed rows).
 */
let redis: ChildProcess | undefined;
let port: number;
let api: TestApi;
let worker: INestApplication | undefined;
let officer: string, broker: string, employer: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
}

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => 100, maxRetriesPerRequest: 1 });
  probe.on('error', () => undefined);
  for (let i = 0; i < 100; i++) {
    if ((await probe.ping().catch(() => '')) === 'PONG') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  probe.disconnect();
}

async function killRedis(): Promise<void> {
  const exited = new Promise((r) => redis!.once('exit', r));
  redis!.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  api = await startTestApi({ config: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  [officer, broker, employer] = await Promise.all(['officer_linxia', 'broker_linxia', 'employer_xiamen'].map((l) => bearer(api.url, l)));
}, 60000);
afterAll(async () => {
  if (redis && (redis.exitCode !== null || redis.signalCode !== null)) await startRedis(); // closing the apps needs Redis
  await worker?.close();
  await api?.close();
  redis?.kill('SIGKILL');
});

describe('Redis restarted under a running API', () => {
  it('reads go on, writes commit, and their SMS and search updates land once Redis is back', async () => {
    const [order] = await api.dataSource.query(`SELECT id FROM job_orders WHERE status = 'published' ORDER BY headcount DESC LIMIT 1`);
    const [target] = await api.dataSource.query(
      `SELECT w.id FROM workers w WHERE w.home_county_code = '622925' AND w.employment_status = 'not_employed' AND w.mobile_encrypted IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.worker_id = w.id) ORDER BY w.name LIMIT 1`);
    await killRedis();

    // Reads.
    for (const [path, auth] of [['/api/jobs/search?q=电子', ''], ['/api/workers', officer], ['/api/reports/dashboard', officer], [`/api/job-orders/${order.id}`, '']]) {
      const r = request(api.url).get(path).timeout(10_000);
      const res = await (auth ? r.set('Authorization', auth) : r);
      expect([path, res.status]).toEqual([path, 200]);
    }
    expect((await request(api.url).get('/api/health/ready').timeout(10_000)).status).toBe(503);

    // Writes: an offer (an SMS to the worker) and a new job order published (a search-index update).
    const offer = await request(api.url).post(`/api/job-orders/${order.id}/offers`).set('Authorization', broker).timeout(10_000)
      .send({ workerIds: [target.id], idempotencyKey: 'redis-away-1' });
    expect(offer.status).toBe(201);
    expect(offer.body.items[0]).toMatchObject({ outcome: 'offered' });
    const draft = await request(api.url).post('/api/job-orders').set('Authorization', employer).timeout(10_000).send({
      title: '断网测试专用岗位普工', category: '普工', headcount: 3, wageMin: 5000, wageMax: 6000, startDate: '2027-06-01',
    });
    expect(draft.status).toBe(201);
    const published = await request(api.url).post(`/api/job-orders/${draft.body.id}/transitions`).set('Authorization', employer).timeout(10_000)
      .send({ action: 'publish', version: draft.body.version });
    expect(published.status).toBe(201);
    const [sms] = await api.dataSource.query(`SELECT id, status FROM sms_messages WHERE worker_id = $1 ORDER BY created_at DESC LIMIT 1`, [target.id]);
    expect(sms.status).toBe('pending'); // recorded with the offer; its job could not be queued

    // Redis back: the API serves and is ready again; the search finds the order published while it was away.
    await startRedis();
    const deadline = Date.now() + 30_000;
    let found = 0;
    while (Date.now() < deadline) {
      found = (await request(api.url).get('/api/jobs/search').query({ q: '断网测试专用' })).body.total ?? 0;
      if (found) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBe(1);
    // Ready again once its Redis connection is back (ioredis reconnects with a backoff of its own).
    let ready = 0;
    for (const until = Date.now() + 30_000; ready !== 200 && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
      ready = (await request(api.url).get('/api/health/ready')).status;
    }
    expect(ready).toBe(200);

    // The SMS: the sweeper (every minute in production) queues what was never queued; the worker sends it once.
    await api.dataSource.query(`UPDATE sms_messages SET created_at = now() - interval '2 minutes', updated_at = now() - interval '2 minutes' WHERE id = $1`, [sms.id]);
    worker = await createWorkerApp(api.config, { schedules: false });
    await worker.init();
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Notifications));
    const events = new QueueEvents(QueueName.Notifications, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    await events.waitUntilReady();
    try {
      const sweep = await queue.add(NotificationsJob.SweepSms, {});
      expect(await sweep.waitUntilFinished(events, 20_000)).toMatchObject({ redispatched: expect.any(Number) });
      const sent = await queue.getJob(`sms-${sms.id}`);
      await sent!.waitUntilFinished(events, 20_000);
    } finally {
      await events.close();
    }
    const [after] = await api.dataSource.query(`SELECT status, attempts FROM sms_messages WHERE id = $1`, [sms.id]);
    expect(after).toEqual({ status: 'sent', attempts: 1 });
  }, 120_000);
});
