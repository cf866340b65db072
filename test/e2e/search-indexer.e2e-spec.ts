import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName, SearchIndexJob } from '@daogang/platform';
import { SearchEngine } from '@daogang/search';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

/**
 * With a shared engine (Meilisearch in production) the API does not index: the worker app applies the outbox through
 * the search-index queue from a stored cursor. Here the worker's own embedded engine stands in for the shared one —
 * no Meilisearch server is faked — so the test checks the queue path, the cursor and idempotence.
 */
let api: TestApi;
let worker: INestApplication;

beforeAll(async () => {
  api = await startTestApi({ config: { SEARCH_INDEXER: 'queue' } });
  worker = await createWorkerApp(api.config, { schedules: false });
  await worker.init();
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

async function runSync(): Promise<unknown> {
  const queue = worker.get<Queue>(getQueueToken(QueueName.SearchIndex));
  const events = new QueueEvents(QueueName.SearchIndex, { connection: queue.opts.connection, prefix: queue.opts.prefix });
  await events.waitUntilReady();
  try {
    const job = await queue.add(SearchIndexJob.SyncIndexes, {});
    return await job.waitUntilFinished(events, 20000);
  } finally {
    await events.close();
  }
}

describe('the shared-engine indexer (search-index queue)', () => {
  it('the API process does not index in queue mode; with no index of its own it answers from the database, flagged', async () => {
    const res = await request(api.url).get('/api/jobs/search');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ degraded: true, engine: 'database', total: 4 });
  });

  it('builds on first run, then applies only what changed after the stored cursor, idempotently', async () => {
    const engine = worker.get(SearchEngine);
    await runSync();
    expect((await engine.search('jobs', {})).estimatedTotalHits).toBe(4);
    expect((await engine.search('workers', {})).estimatedTotalHits).toBe(15);
    const first = (await api.dataSource.query(`SELECT last_id FROM index_cursors WHERE consumer = 'shared-engine'`))[0].last_id;

    const xiamen = await bearer(api.url, 'employer_xiamen');
    const created = await request(api.url).post('/api/job-orders').set('Authorization', xiamen).send({
      title: '锂电池装配工', category: '电子厂', headcount: 8, wageMin: 6000, wageMax: 7500,
      startDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
    });
    await request(api.url).post(`/api/job-orders/${created.body.id}/transitions`).set('Authorization', xiamen)
      .send({ action: 'publish', version: created.body.version });
    await runSync();
    expect((await engine.search('jobs', { q: '锂电池' })).estimatedTotalHits).toBe(1);
    const second = (await api.dataSource.query(`SELECT last_id FROM index_cursors WHERE consumer = 'shared-engine'`))[0].last_id;
    expect(BigInt(second)).toBeGreaterThan(BigInt(first));

    await runSync(); // nothing new: the same index
    expect((await engine.search('jobs', {})).estimatedTotalHits).toBe(5);
  });

  it('reindex goes through the queue in this mode', async () => {
    const admin = await bearer(api.url, 'admin');
    const res = await request(api.url).post('/api/admin/search/reindex').set('Authorization', admin).send({ index: 'jobs' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ index: 'jobs', via: 'queue' });
    const bad = await request(api.url).post('/api/admin/search/reindex').set('Authorization', admin).send({ index: 'nope' });
    expect(bad.status).toBe(400);
  });
});

describe('outbox pruning', () => {
  it('deletes rows older than the given days, keeps the rest', async () => {
    await api.dataSource.query(`INSERT INTO outbox_events (topic, key, created_at) VALUES ('search.jobs', 'old', now() - interval '9 days')`);
    const { IndexSyncService } = await import('@daogang/indexing');
    const before = (await api.dataSource.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n;
    expect(await worker.get(IndexSyncService).pruneOutbox(7)).toBe(1);
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n).toBe(before - 1);
  });
});
