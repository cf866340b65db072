/**
 * The SMS outbox against the real PostgreSQL and Redis: recorded in the domain's transaction by the API, sent by the
 * worker app through real BullMQ. Only the external SMS gateway is faked (a counting SmsProvider bound to its token).
 */
import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  NotificationRecipient, NotificationRequest, NotificationsService, NotificationTemplate, OutgoingSms, SmsDispatcher, SmsProvider,
  SmsProviderError, SmsSender,
} from '@daogang/notifications';
import { NotificationsJob, PiiCipher, QueueName, redisConnection } from '@daogang/platform';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { startTestApi, TestApi } from '../support/app.js';

/** The fake gateway: counts calls and deliveries; `plan` scripts the next answers for one SMS. */
class CountingSmsProvider extends SmsProvider {
  readonly name = 'test';
  readonly calls: OutgoingSms[] = [];
  readonly delivered: OutgoingSms[] = [];
  readonly plan = new Map<string, Array<'reject' | 'timeout'>>();

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    this.calls.push(message);
    const next = this.plan.get(message.outId)?.shift();
    if (next === 'reject') throw SmsProviderError.rejected('isv.BUSINESS_LIMIT_CONTROL 触发流控');
    if (next === 'timeout') throw SmsProviderError.unknown('no answer within 10 s');
    this.delivered.push(message);
    return { providerMessageId: `test-${this.delivered.length}` };
  }

  callsFor(smsId: string): number {
    return this.calls.filter((m) => m.outId === smsId).length;
  }

  deliveriesFor(smsId: string): number {
    return this.delivered.filter((m) => m.outId === smsId).length;
  }
}

let api: TestApi;
let worker: INestApplication;
let provider: CountingSmsProvider;
let queue: Queue;
let events: QueueEvents;
let notifications: NotificationsService;
let pii: PiiCipher;

beforeAll(async () => {
  api = await startTestApi({ seed: false });
  notifications = api.app.get(NotificationsService);
  pii = api.app.get(PiiCipher);
  queue = api.app.get<Queue>(getQueueToken(QueueName.Notifications));
  events = new QueueEvents(QueueName.Notifications, { connection: queue.opts.connection, prefix: queue.opts.prefix });
  await events.waitUntilReady();

  provider = new CountingSmsProvider();
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.with(api.config, { schedules: false })] })
    .overrideProvider(SmsProvider)
    .useValue(provider)
    .compile();
  worker = moduleRef.createNestApplication({ logger: ['error'] });
  await worker.init();
});

afterAll(async () => {
  await events?.close();
  await worker?.close();
  await api?.close();
});

const smsTo = (mobile: string, workerId: string | null = randomUUID()): NotificationRecipient['sms'] => ({
  workerId, mobileEncrypted: pii.encrypt(mobile), mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
});

function offer(dedupeKey: string, to: NotificationRecipient[]): NotificationRequest {
  return {
    template: NotificationTemplate.OfferReceived,
    params: { name: '马小军', employer: '厦门集美宏泰电子有限公司', title: '电子装配普工', wage: '4500–6000元' },
    dedupeKey,
    to,
    link: '/m/applications',
  };
}

/** What a domain does: record in its transaction; the caller dispatches after commit. */
const recordCommitted = (requests: NotificationRequest[]) =>
  api.dataSource.transaction((manager) => notifications.record(manager, requests));

async function count(table: 'notifications' | 'sms_messages', keyPrefix: string): Promise<number> {
  return (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE dedupe_key LIKE $1`, [`${keyPrefix}:%`]))[0].n;
}

async function smsRow(id: string) {
  return (await api.dataSource.query(
    'SELECT status, attempts, provider, provider_message_id, sent_at, error, body, mobile_encrypted FROM sms_messages WHERE id = $1',
    [id],
  ))[0];
}

async function finished(jobId: string): Promise<unknown> {
  const job = await queue.getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  return job.waitUntilFinished(events, 20000);
}

async function runSweep(): Promise<unknown> {
  const job = await queue.add(NotificationsJob.SweepSms, {});
  return job.waitUntilFinished(events, 20000);
}

describe('recording notifications in the domain transaction', () => {
  it('a rolled-back transaction leaves no inbox row and no SMS row', async () => {
    const key = `rollback-${randomUUID()}`;
    await expect(
      api.dataSource.transaction(async (manager) => {
        const ids = await notifications.record(manager, [offer(key, [{ userId: randomUUID(), sms: smsTo('13900000001') }])]);
        expect(ids).toHaveLength(1); // written, inside the transaction
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(await count('notifications', key)).toBe(0);
    expect(await count('sms_messages', key)).toBe(0);
  });

  it('recording the same request twice gives one inbox row and one SMS row', async () => {
    const key = `twice-${randomUUID()}`;
    const to = [{ userId: randomUUID(), sms: smsTo('13900000002') }];
    const first = await recordCommitted([offer(key, to)]);
    const second = await recordCommitted([offer(key, to)]);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]); // nothing new to dispatch
    expect(await count('notifications', key)).toBe(1);
    expect(await count('sms_messages', key)).toBe(1);
  });

  it('writes one row per recipient in one go: inbox for accounts, SMS per phone, the text filled and signed', async () => {
    const key = `many-${randomUUID()}`;
    const [a, b] = [randomUUID(), randomUUID()];
    // Two recipients share one family phone: one SMS for that phone.
    const ids = await recordCommitted([
      offer(key, [{ userId: a, sms: smsTo('13900000003') }, { userId: b, sms: smsTo('13900000003') }, { userId: null, sms: smsTo('13900000004') }]),
    ]);
    expect(ids).toHaveLength(2);
    const inbox = await api.dataSource.query('SELECT user_id, title, body, link FROM notifications WHERE dedupe_key LIKE $1 ORDER BY user_id', [`${key}:%`]);
    expect(inbox.map((r: { user_id: string }) => r.user_id)).toEqual([a, b].sort());
    expect(inbox[0]).toMatchObject({ title: '收到录用意向', link: '/m/applications' });
    expect(inbox[0].body).toContain('厦门集美宏泰电子有限公司');
    const row = await smsRow(ids[0]);
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    expect(row.body).toMatch(/^【到岗】厦门集美宏泰电子有限公司向您发出电子装配普工岗位的录用意向/);
    expect(row.mobile_encrypted).not.toContain('1390000000');
  });

  it('a template parameter missing is a programming error: the transaction fails', async () => {
    const key = `missing-${randomUUID()}`;
    await expect(
      recordCommitted([{ ...offer(key, [{ userId: randomUUID() }]), params: { name: '马小军', title: '普工' } }]),
    ).rejects.toThrow(/"employer" is missing/);
    expect(await count('notifications', key)).toBe(0);
  });
});

describe('sending SMS through the notifications queue and the worker app', () => {
  it('a SendSms job processed twice for the same SMS calls the provider once', async () => {
    const [id] = await recordCommitted([offer(`once-${randomUUID()}`, [{ sms: smsTo('13900000005') }])]);
    await notifications.dispatch([id]);
    expect(await finished(`sms-${id}`)).toEqual({ status: 'sent' });

    // The same job again (a duplicate delivery, a manual retry): nothing left to claim.
    const again = await queue.add(NotificationsJob.SendSms, { smsId: id }, { jobId: `again-${id}` });
    expect(await again.waitUntilFinished(events, 20000)).toEqual({ status: 'skipped' });
    // Dispatching again adds no job: BullMQ keeps one job per id.
    await notifications.dispatch([id]);
    expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toEqual({ waiting: 0, active: 0, delayed: 0 });

    expect(provider.callsFor(id)).toBe(1);
    const row = await smsRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, provider: 'test', provider_message_id: expect.stringMatching(/^test-/) });
    expect(row.sent_at).toBeInstanceOf(Date);
    const sent = provider.calls.find((m) => m.outId === id)!;
    expect(sent.mobile).toBe('13900000005'); // decrypted only for the provider
    expect(sent.template).toBe(NotificationTemplate.OfferReceived);
  });

  it('two sends racing for the same SMS: one claims it, the other does nothing', async () => {
    const [id] = await recordCommitted([offer(`race-${randomUUID()}`, [{ sms: smsTo('13900000006') }])]);
    const sender = worker.get(SmsSender);
    const outcomes = await Promise.all([sender.send(id), sender.send(id), sender.send(id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped', 'skipped']);
    expect(provider.callsFor(id)).toBe(1);
  });

  it('a definite provider failure is retried by BullMQ; the retry sends: one delivery, attempts = 2', async () => {
    const [id] = await recordCommitted([offer(`retry-${randomUUID()}`, [{ sms: smsTo('13900000007') }])]);
    provider.plan.set(id, ['reject']);
    await notifications.dispatch([id]);
    expect(await finished(`sms-${id}`)).toEqual({ status: 'sent' }); // after the backoff (2 s)
    const job = (await queue.getJob(`sms-${id}`)) as Job;
    expect(job.attemptsMade).toBe(2);
    expect(provider.callsFor(id)).toBe(2);
    expect(provider.deliveriesFor(id)).toBe(1);
    expect(await smsRow(id)).toMatchObject({ status: 'sent', attempts: 2, error: '' });
  });

  it('an unknown outcome leaves the row unknown; neither a later SendSms nor the sweeper sends it', async () => {
    const [id] = await recordCommitted([offer(`unknown-${randomUUID()}`, [{ sms: smsTo('13900000008') }])]);
    provider.plan.set(id, ['timeout']);
    await notifications.dispatch([id]);
    expect(await finished(`sms-${id}`)).toEqual({ status: 'unknown' }); // not retried by BullMQ either
    expect(await smsRow(id)).toMatchObject({ status: 'unknown', attempts: 1, error: 'no answer within 10 s' });

    const again = await queue.add(NotificationsJob.SendSms, { smsId: id }, { jobId: `again-${id}` });
    expect(await again.waitUntilFinished(events, 20000)).toEqual({ status: 'skipped' });
    await api.dataSource.query(`UPDATE sms_messages SET created_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    await runSweep();
    expect(provider.callsFor(id)).toBe(1);
    expect(provider.deliveriesFor(id)).toBe(0);
    expect((await smsRow(id)).status).toBe('unknown');
  });
});

describe('the SMS sweeper (SweepSms, every minute)', () => {
  beforeAll(async () => {
    // The rows of the tests above, recorded but never dispatched on purpose: out of these sweeps' way.
    await api.dataSource.query(`UPDATE sms_messages SET status = 'sent' WHERE status IN ('pending', 'failed')`);
  });

  it('sends a pending SMS that was never queued (Redis away at dispatch) once it is older than a minute', async () => {
    const [fresh] = await recordCommitted([offer(`fresh-${randomUUID()}`, [{ sms: smsTo('13900000009') }])]);
    const [stale] = await recordCommitted([offer(`stale-${randomUUID()}`, [{ sms: smsTo('13900000010') }])]);
    await api.dataSource.query(`UPDATE sms_messages SET created_at = now() - interval '2 minutes', updated_at = now() - interval '2 minutes' WHERE id = $1`, [stale]);

    expect(await runSweep()).toEqual({ redispatched: 1, unknown: 0 });
    expect(await finished(`sms-${stale}`)).toEqual({ status: 'sent' });
    expect(provider.deliveriesFor(stale)).toBe(1);
    expect(await queue.getJob(`sms-${fresh}`)).toBeUndefined(); // younger than a minute: its own dispatch is still due
    expect((await smsRow(fresh)).status).toBe('pending');
    await api.dataSource.query(`UPDATE sms_messages SET status = 'sent' WHERE id = $1`, [fresh]); // out of later sweeps
  });

  it('re-queues a failed SMS whose job gave up early, but not one that used all its attempts', async () => {
    const [early] = await recordCommitted([offer(`early-${randomUUID()}`, [{ sms: smsTo('13900000011') }])]);
    const [spent] = await recordCommitted([offer(`spent-${randomUUID()}`, [{ sms: smsTo('13900000012') }])]);
    // `early`: its job failed for good (say the database was away) after one refused attempt.
    const failedJob = await queue.add(NotificationsJob.SendSms, { smsId: early }, { jobId: `sms-${early}`, attempts: 1 });
    provider.plan.set(early, ['reject']);
    await expect(failedJob.waitUntilFinished(events, 20000)).rejects.toThrow(/触发流控/);
    await api.dataSource.query(
      `UPDATE sms_messages SET attempts = CASE WHEN id = $2 THEN 5 ELSE attempts END, status = 'failed',
              updated_at = now() - interval '2 minutes' WHERE id IN ($1, $2)`,
      [early, spent],
    );

    expect(await runSweep()).toEqual({ redispatched: 1, unknown: 0 });
    expect(await finished(`sms-${early}`)).toEqual({ status: 'sent' });
    expect(await smsRow(early)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(provider.callsFor(spent)).toBe(0);
    expect((await smsRow(spent)).status).toBe('failed');
    await api.dataSource.query(`UPDATE sms_messages SET status = 'unknown' WHERE id = $1`, [spent]);
  });

  it('marks an SMS stuck in `sending` for ten minutes as unknown, without calling the provider', async () => {
    const [stuck] = await recordCommitted([offer(`stuck-${randomUUID()}`, [{ sms: smsTo('13900000013') }])]);
    const [recent] = await recordCommitted([offer(`recent-${randomUUID()}`, [{ sms: smsTo('13900000014') }])]);
    await api.dataSource.query(`UPDATE sms_messages SET status = 'sending', attempts = 1, updated_at = now() - interval '11 minutes' WHERE id = $1`, [stuck]);
    await api.dataSource.query(`UPDATE sms_messages SET status = 'sending', attempts = 1, updated_at = now() - interval '5 minutes' WHERE id = $1`, [recent]);

    expect(await runSweep()).toEqual({ redispatched: 0, unknown: 1 });
    expect(await smsRow(stuck)).toMatchObject({ status: 'unknown', error: expect.stringContaining('可能已送达') });
    expect((await smsRow(recent)).status).toBe('sending');
    expect(provider.callsFor(stuck) + provider.callsFor(recent)).toBe(0);
  });
});

describe('dispatch with Redis away', () => {
  it('does not throw into the request: it logs and returns; the rows stay pending for the sweeper', async () => {
    // A Redis nobody listens on; BullMQ's connection keeps waiting for it (maxRetriesPerRequest: null) instead of failing.
    const dead = new Redis({ ...redisConnection('redis://127.0.0.1:1'), retryStrategy: () => 1000 });
    dead.on('error', () => undefined);
    const deadQueue = new Queue(QueueName.Notifications, { connection: dead, prefix: `${api.config.REDIS_PREFIX}-dead` });
    deadQueue.on('error', () => undefined);
    try {
      const started = Date.now();
      await expect(new SmsDispatcher(deadQueue).dispatch([randomUUID()])).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      dead.disconnect();
    }
  });
});
