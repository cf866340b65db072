import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { QueueName } from '@daogang/platform';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let worker: INestApplication | undefined;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

async function refreshTokenCount(): Promise<number> {
  return (await api.dataSource.query('SELECT count(*)::int AS n FROM refresh_tokens'))[0].n;
}

describe('a job put on a queue by the API is processed by the worker app', () => {
  it('purges expired and revoked refresh tokens through the worker process', async () => {
    const admin = await bearer(api.url, 'admin');
    // Two sessions of the officer: one logged out (revoked), one live.
    const first = await request(api.url).post('/api/auth/login').send({ login: 'officer_linxia', password: 'daogang123' });
    await request(api.url).post('/api/auth/logout').send({ refreshToken: first.body.refreshToken });
    await request(api.url).post('/api/auth/login').send({ login: 'officer_linxia', password: 'daogang123' });
    await api.dataSource.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 day' WHERE id = $1`, [
      (await request(api.url).post('/api/auth/login').send({ login: 'coordinator', password: 'daogang123' })).body.refreshToken.split('.')[0],
    ]);
    const before = await refreshTokenCount();

    const queue = api.app.get<Queue>(getQueueToken(QueueName.Maintenance));
    const events = new QueueEvents(QueueName.Maintenance, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    await events.waitUntilReady();
    try {
      const res = await request(api.url).post('/api/admin/maintenance/purge-refresh-tokens').set('Authorization', admin);
      expect(res.status).toBe(202);
      const job = await queue.getJob(res.body.jobId);
      expect(await job!.getState()).toBe('waiting'); // nobody processes it inside the API

      worker = await createWorkerApp(api.config, { schedules: false });
      await worker.init();
      const result = await job!.waitUntilFinished(events, 15000);
      // The officer's logged-out session and the coordinator's expired one: 2 purged; live sessions stay.
      expect(result).toEqual({ purged: 2 });
      expect(await refreshTokenCount()).toBe(before - 2);
    } finally {
      await events.close();
    }
  });

  it('a retried purge does no harm (idempotent)', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Maintenance));
    const events = new QueueEvents(QueueName.Maintenance, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    await events.waitUntilReady();
    try {
      const count = await refreshTokenCount();
      const job = await queue.add('PurgeExpiredRefreshTokens', { requestedBy: 'test', before: new Date().toISOString() });
      expect(await job.waitUntilFinished(events, 15000)).toEqual({ purged: 0 });
      expect(await refreshTokenCount()).toBe(count);
    } finally {
      await events.close();
    }
  });

  it('only an admin may enqueue it', async () => {
    const broker = await bearer(api.url, 'broker_linxia');
    const res = await request(api.url).post('/api/admin/maintenance/purge-refresh-tokens').set('Authorization', broker);
    expect(res.status).toBe(403);
  });
});
