import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { PLACEMENT_ARRIVED_TOPIC } from '@daogang/matching';
import { QueueName } from '@daogang/platform';
import { DispatchPlansService, reminderJobId, TripRemindersService } from '@daogang/transport';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';
import { startTestApi, TestApi } from '../support/app.js';
import { workerInput } from '../support/factories.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let worker: INestApplication | undefined;
let admin: string, coordinator: string, linxia: string, xiamen: string, jiaxing: string;

beforeAll(async () => {
  api = await startTestApi();
  [admin, coordinator, linxia, xiamen, jiaxing] = await Promise.all(
    ['admin', 'coordinator', 'broker_linxia', 'employer_xiamen', 'employer_jiaxing'].map((l) => bearer(api.url, l)),
  );
}, 60_000);
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const send = (method: 'post' | 'get' | 'patch', path: string, auth: string, body?: object) => {
  const r = request(api.url)[method](path).set('Authorization', auth);
  return body ? r.send(body) : r;
};
const fields = (body: { errors?: Array<{ field: string; message: string }> }) => Object.fromEntries((body.errors ?? []).map((e) => [e.field, e.message]));
const consent = { method: 'in_person', note: '村委会当面确认' };
let seq = 0;

/** A published Xiamen order starting on `start`, and `n` Linxia workers placed on it (broker + employer, through the API). */
async function placed(n: number, start: string, county = '622925'): Promise<{ orderId: string; applicationIds: string[] }> {
  const job = (await send('post', '/api/job-orders', xiamen, {
    title: `电子厂装配工 第${++seq}批`, category: '电子厂', headcount: n + 5, wageMin: 5500, wageMax: 7000, startDate: start, ageMin: 16, ageMax: 60,
  })).body;
  expect((await send('post', `/api/job-orders/${job.id}/transitions`, xiamen, { action: 'publish', version: job.version })).status).toBe(201);
  const applicationIds: string[] = [];
  for (let i = 0; i < n; i++) applicationIds.push(await placeOne(job.id, start, county));
  return { orderId: job.id, applicationIds };
}

async function placeOne(orderId: string, start: string, county = '622925'): Promise<string> {
  const w = await send('post', '/api/workers', admin, workerInput(county));
  expect(w.status).toBe(201);
  const a = (await send('post', '/api/applications', linxia, { jobOrderId: orderId, workerId: w.body.id, consent })).body;
  expect((await send('post', `/api/applications/${a.id}/transitions`, linxia, { action: 'offer' })).status).toBe(201);
  expect((await send('post', `/api/applications/${a.id}/transitions`, linxia, { action: 'accept', consent })).status).toBe(201);
  expect((await send('post', `/api/applications/${a.id}/transitions`, xiamen, { action: 'place', startDate: start })).status).toBe(201);
  return a.id;
}

async function planNow(startFrom: string, startTo: string, options: object = {}) {
  const plan = await send('post', '/api/dispatch/plans', coordinator, { startFrom, startTo, options });
  expect(plan.status).toBe(201);
  // In-process, the same service the worker's PlanTrips job calls (the queue path has its own test below).
  return api.app.get(DispatchPlansService).run(plan.body.id);
}

type Trip = { id: string; code: string; seats: number; riderCount: number; startDate: string; arrivalAt: string; departureAt: string; locked: boolean; version: number; status: string;
  stops: Array<{ id: string; name: string; eta: string; kind: string }>; riders?: Array<{ id: string; applicationId: string; seat: number; status: string; stopId: string }> };
const tripsOf = async (planId: string): Promise<Trip[]> => (await send('get', `/api/trips?planId=${planId}`, coordinator)).body;
const trip = async (id: string): Promise<Trip> => (await send('get', `/api/trips/${id}`, coordinator)).body;

describe('transport dispatch', () => {
  it('plans every placed rider once, within capacity and the arrival window', async () => {
    const start = day(30);
    const { applicationIds } = await placed(7, start);
    const plan = await planNow(start, start, { seats: [5], maxEarlyDays: 1 });
    expect(plan.status).toBe('draft');
    expect(plan.summary).toMatchObject({ riders: 7, planned: 7, lowerBound: 2 });
    const trips = await tripsOf(plan.id);
    expect(trips.length).toBe(plan.summary!.vehicles);
    expect(trips.length).toBeLessThanOrEqual(3);
    const riders = (await Promise.all(trips.map((t) => trip(t.id)))).flatMap((t) => {
      expect(t.riderCount).toBeLessThanOrEqual(t.seats);
      const arrival = new Date(new Date(t.arrivalAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(arrival <= start).toBe(true);
      expect(arrival >= day(29)).toBe(true);
      expect(new Date(t.departureAt).getTime()).toBeLessThan(new Date(t.arrivalAt).getTime());
      expect(t.stops.at(-1)!.kind).toBe('destination');
      return t.riders!.map((r) => r.applicationId);
    });
    expect(riders.sort()).toEqual([...applicationIds].sort());
  });

  it('validates the plan request per field', async () => {
    const res = await send('post', '/api/dispatch/plans', coordinator, { startFrom: day(10), startTo: day(5), options: { maxStops: 0, seats: ['大巴'] } });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res.body)).sort()).toEqual(['options.maxStops', 'options.seats']);
    const backwards = await send('post', '/api/dispatch/plans', coordinator, { startFrom: day(10), startTo: day(5) });
    expect(fields(backwards.body)).toEqual({ startTo: '结束日期不能早于开始日期' });
    expect((await send('post', '/api/dispatch/plans', linxia, { startFrom: day(5), startTo: day(6) })).status).toBe(403);
  });

  it('a re-plan leaves locked trips exactly as they were and places the late rider elsewhere', async () => {
    const start = day(32);
    const { orderId } = await placed(6, start);
    const plan = await planNow(start, start, { seats: [4] });
    const [first] = await tripsOf(plan.id);
    const lockedBefore = await trip((await send('post', `/api/trips/${first.id}/lock`, coordinator, { locked: true })).body.id);
    const late = await placeOne(orderId, start);
    const unassigned = (await send('get', `/api/dispatch/unassigned?startFrom=${start}&startTo=${start}`, coordinator)).body;
    expect(unassigned.flatMap((g: { people: Array<{ applicationId: string }> }) => g.people.map((p) => p.applicationId))).toEqual([late]);

    expect((await send('post', `/api/dispatch/plans/${plan.id}/replan`, coordinator)).status).toBe(201);
    const again = await api.app.get(DispatchPlansService).run(plan.id);
    const waiting = 7 - lockedBefore.riderCount; // everyone but the locked trip's riders, the late one included
    expect(again.summary).toMatchObject({ riders: waiting, planned: waiting });
    expect(await trip(first.id)).toEqual(lockedBefore);
    const all = await Promise.all((await tripsOf(plan.id)).map((t) => trip(t.id)));
    expect(all.flatMap((t) => t.riders!.map((r) => r.applicationId))).toContain(late);
    expect(all.filter((t) => t.id === first.id)).toHaveLength(1);
  });

  it('moves a rider to a trip with a free seat, never into a full one', async () => {
    const start = day(34);
    await placed(5, start);
    const plan = await planNow(start, start, { seats: [3] });
    const [a, b] = (await Promise.all((await tripsOf(plan.id)).map((t) => trip(t.id)))).sort((x, y) => y.riderCount - x.riderCount);
    expect([a.riderCount, b.riderCount]).toEqual([3, 2]);
    const full = await send('post', `/api/trips/${b.id}/riders/${b.riders![0].id}/move`, coordinator, { toTripId: a.id });
    expect(full.status).toBe(409);
    expect(full.body.details.reason).toBe('TRIP_FULL');
    const moved = await send('post', `/api/trips/${a.id}/riders/${a.riders![0].id}/move`, coordinator, { toTripId: b.id });
    expect(moved.status).toBe(201);
    const after = await trip(b.id);
    expect(after.riderCount).toBe(3);
    expect(new Set(after.riders!.map((r) => r.seat)).size).toBe(3);
    // Stops stay in time order, the workplace last, and the trip departs from its first pickup.
    for (const t of [after, await trip(a.id)]) {
      const etas = t.stops.map((s) => s.eta);
      expect([...etas].sort()).toEqual(etas);
      expect(t.stops.at(-1)!.kind).toBe('destination');
      expect(t.departureAt).toBe(t.stops[0].eta);
    }
    expect((await send('post', `/api/trips/${a.id}/riders/not-a-uuid/move`, coordinator, { toTripId: b.id })).status).toBe(400);
  });

  it('confirming tells every rider once and schedules reminders that move with the trip and go with it', async () => {
    const start = day(36);
    await placed(3, start);
    const plan = await planNow(start, start, { seats: [53] });
    const [t] = await tripsOf(plan.id);
    expect((await send('post', `/api/trips/${t.id}/confirm`, coordinator)).body).toMatchObject({ status: 'confirmed', locked: true });
    expect((await send('post', `/api/trips/${t.id}/confirm`, coordinator)).status).toBe(409);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM sms_messages WHERE template = 'trip_confirmed' AND dedupe_key LIKE $1`, [`trip-confirmed:${t.id}:%`]);
    expect(n).toBe(3);

    const queue = api.app.get<Queue>(getQueueToken(QueueName.Transport));
    const dueAt = async (hours: number) => {
      const job = await queue.getJob(reminderJobId(t.id, hours));
      return job ? job.timestamp + (job.opts.delay ?? 0) : null;
    };
    const departure = new Date(t.departureAt).getTime();
    expect(Math.abs((await dueAt(24))! - (departure - 24 * 3_600_000))).toBeLessThan(5_000);
    expect(Math.abs((await dueAt(2))! - (departure - 2 * 3_600_000))).toBeLessThan(5_000);

    // The reminder job itself: a retry sends nothing twice; a reminder made for another departure sends nothing.
    const reminders = api.app.get(TripRemindersService);
    const payload = { tripId: t.id, hoursBefore: 24, departureAt: t.departureAt };
    expect(await reminders.remind(payload)).toBe(3);
    await reminders.remind(payload);
    expect(await reminders.remind({ ...payload, departureAt: new Date(departure + 60_000).toISOString() })).toBe(0);
    const [{ reminded }] = await api.dataSource.query(`SELECT count(*)::int AS reminded FROM sms_messages WHERE template = 'trip_reminder' AND dedupe_key LIKE $1`, [`trip-reminder:${t.id}:%`]);
    expect(reminded).toBe(3);

    const earlier = new Date(departure - 3 * 3_600_000).toISOString();
    const moved = await send('patch', `/api/trips/${t.id}`, coordinator, { departureAt: earlier });
    expect(moved.status).toBe(200);
    expect(Math.abs((await dueAt(24))! - (departure - 27 * 3_600_000))).toBeLessThan(5_000);
    expect(Math.abs((await dueAt(2))! - (departure - 5 * 3_600_000))).toBeLessThan(5_000);
    const [{ changed }] = await api.dataSource.query(`SELECT count(*)::int AS changed FROM sms_messages WHERE template = 'trip_changed' AND dedupe_key LIKE $1`, [`trip-rescheduled:${t.id}:%`]);
    expect(changed).toBe(3);
    const late = await send('patch', `/api/trips/${t.id}`, coordinator, { departureAt: new Date(departure + 3 * 86_400_000).toISOString() });
    expect(late.body.details.reason).toBe('ARRIVES_LATE');

    expect((await send('post', `/api/trips/${t.id}/cancel`, coordinator, { reason: '包车公司临时不出车' })).body.status).toBe('cancelled');
    expect(await dueAt(24)).toBeNull();
    expect(await dueAt(2)).toBeNull();
    // Its riders are waiting again, for a re-plan.
    const waiting = (await send('get', `/api/dispatch/unassigned?startFrom=${start}&startTo=${start}`, coordinator)).body;
    expect(waiting[0].riders).toBe(3);
  });

  it('boarding, departure and arrival: a no-show is never marked arrived; arrival emits the event once', async () => {
    const start = day(38);
    const { applicationIds } = await placed(2, start);
    const plan = await planNow(start, start, { seats: [53] });
    const [t] = await tripsOf(plan.id);
    await send('post', `/api/trips/${t.id}/confirm`, coordinator);
    const riders = (await trip(t.id)).riders!;
    const [came, missed] = riders;
    expect((await send('post', `/api/trips/${t.id}/check-in`, coordinator, { riderId: came.id, status: 'boarded' })).body.status).toBe('boarding');
    expect((await send('post', `/api/trips/${t.id}/depart`, coordinator)).body.details.reason).toBe('RIDERS_NOT_CHECKED_IN');
    expect(fields((await send('post', `/api/trips/${t.id}/check-in`, coordinator, { riderId: missed.id, status: 'gone' })).body)).toEqual({ status: '状态无效，可选：boarded（已上车）、no_show（未到）' });
    await send('post', `/api/trips/${t.id}/check-in`, coordinator, { riderId: missed.id, status: 'no_show' });
    expect((await send('post', `/api/trips/${t.id}/depart`, coordinator)).body.status).toBe('departed');
    expect((await send('post', `/api/trips/${t.id}/arrive`, jiaxing)).status).toBe(404); // not their workplace
    const arrived = await send('post', `/api/trips/${t.id}/arrive`, xiamen);
    expect(arrived.body.status).toBe('arrived');
    expect(arrived.body.riders.map((r: { status: string }) => r.status).sort()).toEqual(['arrived', 'no_show']);
    expect((await send('post', `/api/trips/${t.id}/arrive`, coordinator)).status).toBe(409);

    const status = async (id: string) => (await send('get', `/api/applications/${id}`, linxia)).body.status;
    expect(await status(came.applicationId)).toBe('arrived');
    expect(await status(missed.applicationId)).toBe('placed');
    const events = await api.dataSource.query(`SELECT key FROM outbox_events WHERE topic = $1 AND key = ANY($2)`, [PLACEMENT_ARRIVED_TOPIC, applicationIds]);
    expect(events).toEqual([{ key: came.applicationId }]);
  });

  it('the worker sees a confirmed trip: pickup, time, seat and the coordinator to call', async () => {
    // The demo worker holds the seeded offer from Xiamen; accept and place it, then plan and confirm.
    const me = await bearer(api.url, '13900000001');
    const [offer] = (await send('get', '/api/applications', me)).body.items;
    await send('post', `/api/applications/${offer.id}/transitions`, me, { action: 'accept' });
    const start = day(40);
    expect((await send('post', `/api/applications/${offer.id}/transitions`, xiamen, { action: 'place', startDate: start })).status).toBe(201);
    const plan = await planNow(start, start);
    const [t] = await tripsOf(plan.id);
    expect((await send('get', '/api/me/trips', me)).body).toEqual([]); // a draft may still change
    await send('post', `/api/trips/${t.id}/confirm`, coordinator);
    const [mine] = (await send('get', '/api/me/trips', me)).body;
    expect(mine).toMatchObject({ tripId: t.id, status: 'confirmed', coordinatorName: '王海燕', coordinatorPhone: '13809300009', riderStatus: 'assigned' });
    expect(mine.seat).toBeGreaterThan(0);
    expect(mine.pickup).toMatch(/站|点/);
  });

  it('runs the plan as a BullMQ job in the worker app, with progress', async () => {
    const start = day(42);
    await placed(2, start);
    worker = await createWorkerApp(api.config, { schedules: false });
    await worker.init();
    const created = (await send('post', '/api/dispatch/plans', coordinator, { startFrom: start, startTo: start })).body;
    let plan = created;
    for (let i = 0; i < 100 && plan.status !== 'draft' && plan.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      plan = (await send('get', `/api/dispatch/plans/${created.id}`, coordinator)).body;
    }
    expect(plan).toMatchObject({ status: 'draft', progress: 100 });
    expect(plan.summary.planned).toBe(2);
  });
});
