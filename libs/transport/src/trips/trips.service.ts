import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, AuthUser, beijingDay, ConflictError, NotFoundError, Role, ValidationFailedError } from '@daogang/platform';
import { NotificationRequest, NotificationsService, NotificationTemplate } from '@daogang/notifications';
import type { DataSource, EntityManager } from 'typeorm';
import { DistancePort } from '../distance/distance.port.js';
import { DispatchPlan } from '../entities/dispatch-plan.entity.js';
import { Trip, TripStatus } from '../entities/trip.entity.js';
import { TripRider } from '../entities/trip-rider.entity.js';
import { TripStop } from '../entities/trip-stop.entity.js';
import { Vehicle } from '../entities/vehicle.entity.js';
import { DEFAULT_PLAN_OPTIONS } from '../planning/plan-types.js';
import type { TripDto, TripQueryDto } from './dto/trip.dto.js';
import { TRIP_STATUS_ZH } from '../statuses.js';
import { TripMapper } from './trip.mapper.js';
import { TripNotices } from './trip-notices.js';
import { TripRemindersService } from './trip-reminders.service.js';

/** Trips not yet on the road: the coordinator may still change them. */
const EDITABLE: TripStatus[] = ['planned', 'confirmed'];

/**
 * The coordinator's review of a draft: move a rider, lock, assign a vehicle, reschedule, confirm, cancel. Each change
 * is one transaction holding the trip rows; riders hear of changes to confirmed trips, and the reminders follow the
 * departure (scheduled after commit).
 */
@Injectable()
export class TripsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mapper: TripMapper,
    private readonly notices: TripNotices,
    private readonly notifications: NotificationsService,
    private readonly reminders: TripRemindersService,
    private readonly distance: DistancePort,
  ) {}

  async list(user: AuthUser, query: TripQueryDto): Promise<TripDto[]> {
    const qb = this.dataSource.getRepository(Trip).createQueryBuilder('t').where("t.status <> 'cancelled'");
    if (user.role === Role.Employer) {
      // The employer sees trips coming to it once they are confirmed (a draft may still change).
      qb.andWhere('t.employer_id = :emp', { emp: user.employerId ?? '00000000-0000-0000-0000-000000000000' }).andWhere("t.status <> 'planned'");
    }
    if (query.planId) qb.andWhere('t.plan_id = :plan', { plan: query.planId });
    if (query.startFrom) qb.andWhere('t.start_date >= :from', { from: query.startFrom });
    if (query.startTo) qb.andWhere('t.start_date <= :to', { to: query.startTo });
    const trips = await qb.orderBy('t.startDate', 'ASC').addOrderBy('t.code', 'ASC').take(500).getMany();
    return this.mapper.toDtos(this.dataSource.manager, trips, false);
  }

  async get(user: AuthUser, id: string): Promise<TripDto> {
    const trip = await this.visible(this.dataSource.manager, user, id);
    return (await this.mapper.toDtos(this.dataSource.manager, [trip], true))[0];
  }

  /** Moves a rider to another trip to the same workplace and start date: a free seat, their pickup as a stop. */
  async moveRider(user: AuthUser, tripId: string, riderId: string, toTripId: string): Promise<TripDto> {
    if (tripId === toTripId) throw new ValidationFailedError([{ field: 'toTripId', message: '请选择另一车次' }]);
    const { result } = await this.change(async (manager) => {
      const [from, to] = await this.lockTrips(manager, [tripId, toTripId]);
      const rider = await manager.getRepository(TripRider).findOne({ where: { id: riderId, tripId }, relations: { pickupStop: true } });
      if (!rider) throw new NotFoundError('乘车人', riderId);
      for (const t of [from, to]) this.assertEditable(t);
      if (from.employerId !== to.employerId || from.startDate !== to.startDate) {
        throw new ConflictError('只能换到同一用工单位、同一到岗日期的车次', { reason: 'DIFFERENT_DESTINATION' });
      }
      const taken: Array<{ seat: number }> = await manager.query('SELECT seat FROM trip_riders WHERE trip_id = $1 ORDER BY seat', [to.id]);
      if (taken.length >= to.seats) throw new ConflictError(`车次${to.code}已满（${to.seats}座）`, { reason: 'TRIP_FULL' });
      const seat = firstFreeSeat(taken.map((t) => t.seat));
      const stop = await this.stopFor(manager, to, rider.pickupStop!);
      const oldStopId = rider.pickupStopId;
      await manager.getRepository(TripRider).update({ id: rider.id }, { tripId: to.id, pickupStopId: stop.id, seat });
      await this.dropEmptyStop(manager, oldStopId);
      await this.resequence(manager, from);
      for (const t of [from, to]) await manager.getRepository(Trip).save(t); // bumps both versions
      const notice = to.status === 'confirmed'
        ? await this.notices.forRiders(manager, to, NotificationTemplate.TripChanged, `trip-moved:${to.id}:${to.version}`, { riderIds: [rider.id] })
        : [];
      return { result: from, notices: notice };
    });
    return this.get(user, result.id);
  }

  async lock(user: AuthUser, id: string, locked: boolean): Promise<TripDto> {
    await this.change(async (manager) => {
      const [trip] = await this.lockTrips(manager, [id]);
      this.assertEditable(trip);
      if (!locked && trip.status === 'confirmed') throw new ConflictError('已确认的车次不能解锁', { reason: 'TRIP_CONFIRMED' });
      trip.locked = locked;
      await manager.getRepository(Trip).save(trip);
      return { result: trip, notices: [] };
    });
    return this.get(user, id);
  }

  async assignVehicle(user: AuthUser, id: string, vehicleId: string): Promise<TripDto> {
    await this.change(async (manager) => {
      const [trip] = await this.lockTrips(manager, [id]);
      this.assertEditable(trip);
      const vehicle = await manager.getRepository(Vehicle).findOneBy({ id: vehicleId, active: true });
      if (!vehicle) throw new ValidationFailedError([{ field: 'vehicleId', message: '车辆不存在或已停用' }]);
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM trip_riders WHERE trip_id = $1', [id]);
      if (vehicle.seats < n) throw new ConflictError(`该车只有${vehicle.seats}座，车次已有${n}人`, { reason: 'VEHICLE_TOO_SMALL' });
      Object.assign(trip, { vehicleId: vehicle.id, vehicleKind: vehicle.kind, seats: vehicle.seats });
      await manager.getRepository(Trip).save(trip);
      return { result: trip, notices: [] };
    });
    return this.get(user, id);
  }

  /** New departure: every stop moves by the same amount; the arrival must still fall within the allowed days. */
  async reschedule(user: AuthUser, id: string, departureAt: string): Promise<TripDto> {
    const { result } = await this.change(async (manager) => {
      const [trip] = await this.lockTrips(manager, [id]);
      this.assertEditable(trip);
      const shift = new Date(departureAt).getTime() - trip.departureAt.getTime();
      const arrival = new Date(trip.arrivalAt.getTime() + shift);
      const arrivalDay = beijingDay(arrival);
      const earliest = addDays(trip.startDate, -(await this.maxEarlyDays(manager, trip)));
      if (arrivalDay > trip.startDate) throw new ConflictError(`按此时间将于${arrivalDay}到达，晚于到岗日期${trip.startDate}`, { reason: 'ARRIVES_LATE' });
      if (arrivalDay < earliest) throw new ConflictError(`按此时间将于${arrivalDay}到达，早于允许的最早日期${earliest}`, { reason: 'ARRIVES_EARLY' });
      if (new Date(departureAt).getTime() < Date.now()) throw new ValidationFailedError([{ field: 'departureAt', message: '发车时间不能早于现在' }]);
      trip.departureAt = new Date(departureAt);
      trip.arrivalAt = arrival;
      await manager.query('UPDATE trip_stops SET eta = eta + make_interval(secs => $2) WHERE trip_id = $1', [id, shift / 1000]);
      await manager.getRepository(Trip).save(trip);
      const notices = trip.status === 'confirmed'
        ? await this.notices.forRiders(manager, trip, NotificationTemplate.TripChanged, `trip-rescheduled:${trip.id}:${trip.departureAt.getTime() / 1000}`)
        : [];
      return { result: trip, notices };
    });
    if (result.status === 'confirmed') await this.reminders.schedule(result);
    return this.get(user, id);
  }

  /** Confirmed: locked for good, every rider told where and when, reminders scheduled 24 h and 2 h ahead. */
  async confirm(user: AuthUser, id: string): Promise<TripDto> {
    const { result } = await this.change(async (manager) => {
      const [trip] = await this.lockTrips(manager, [id]);
      if (trip.status !== 'planned') throw new ConflictError(`车次${TRIP_STATUS_ZH[trip.status]}，不能确认`, { reason: 'TRIP_NOT_PLANNED' });
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM trip_riders WHERE trip_id = $1', [id]);
      if (!n) throw new ConflictError('车次没有乘车人，不能确认', { reason: 'TRIP_EMPTY' });
      Object.assign(trip, { status: 'confirmed', locked: true, confirmedAt: new Date(), coordinatorId: user.role === Role.Coordinator ? user.id : trip.coordinatorId ?? user.id });
      await manager.getRepository(Trip).save(trip);
      return { result: trip, notices: await this.notices.forRiders(manager, trip, NotificationTemplate.TripConfirmed, `trip-confirmed:${trip.id}`) };
    });
    await this.reminders.schedule(result);
    return this.get(user, id);
  }

  /** Cancelled: riders are freed (back to the unassigned list for a re-plan) and told; reminders removed. */
  async cancel(user: AuthUser, id: string, reason: string): Promise<TripDto> {
    await this.change(async (manager) => {
      const [trip] = await this.lockTrips(manager, [id]);
      this.assertEditable(trip);
      const notices = trip.status === 'confirmed'
        ? await this.notices.forRiders(manager, trip, NotificationTemplate.TripCancelled, `trip-cancelled:${trip.id}`)
        : [];
      await manager.getRepository(TripRider).delete({ tripId: id });
      Object.assign(trip, { status: 'cancelled', locked: true, cancelReason: reason });
      await manager.getRepository(Trip).save(trip);
      return { result: trip, notices };
    });
    await this.reminders.cancel(id);
    return this.get(user, id);
  }

  /** A trip the user may see: coordinators, officers and admins all; an employer the trips to its workplace. */
  async visible(manager: EntityManager, user: AuthUser, id: string): Promise<Trip> {
    const trip = await manager.getRepository(Trip).findOneBy({ id });
    if (!trip || (user.role === Role.Employer && (trip.employerId !== user.employerId || trip.status === 'planned'))) throw new NotFoundError('车次', id);
    return trip;
  }

  /** Locks the trips in id order (two coordinators moving riders between the same two trips never deadlock). */
  async lockTrips(manager: EntityManager, ids: string[]): Promise<Trip[]> {
    const locked = new Map<string, Trip>();
    for (const id of [...ids].sort()) {
      const trip = await manager.getRepository(Trip).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!trip) throw new NotFoundError('车次', id);
      locked.set(id, trip);
    }
    return ids.map((id) => locked.get(id)!);
  }

  /** One transaction; the riders' messages recorded in it and handed to the queue after commit. */
  async change<T>(work: (manager: EntityManager) => Promise<{ result: T; notices: NotificationRequest[] }>): Promise<{ result: T; smsIds: string[] }> {
    let smsIds: string[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const done = await work(manager);
      smsIds = await this.notifications.record(manager, done.notices);
      return done.result;
    });
    await this.notifications.dispatch(smsIds);
    return { result, smsIds };
  }

  private assertEditable(trip: Trip): void {
    if (!EDITABLE.includes(trip.status)) throw new ConflictError(`车次${trip.code}${TRIP_STATUS_ZH[trip.status]}，不能再调整`, { reason: 'TRIP_NOT_EDITABLE' });
  }

  /** The plan's "no more than N days early" (the default for a trip without a plan). */
  private async maxEarlyDays(manager: EntityManager, trip: Trip): Promise<number> {
    const plan = trip.planId ? await manager.getRepository(DispatchPlan).findOneBy({ id: trip.planId }) : null;
    const days = plan?.options?.maxEarlyDays;
    return typeof days === 'number' ? days : DEFAULT_PLAN_OPTIONS.maxEarlyDays;
  }

  /** The trip's stop at the rider's pickup point, added before the workplace when the trip does not stop there yet. */
  private async stopFor(manager: EntityManager, trip: Trip, from: TripStop): Promise<TripStop> {
    const repo = manager.getRepository(TripStop);
    const existing = await repo.findOneBy({ tripId: trip.id, pickupPointId: from.pickupPointId! });
    if (existing) return existing;
    const destination = await repo.findOneByOrFail({ tripId: trip.id, kind: 'destination' });
    const km = this.distance.km(from, destination);
    const eta = new Date(trip.arrivalAt.getTime() - (km / DEFAULT_PLAN_OPTIONS.speedKmh) * 3_600_000 - DEFAULT_PLAN_OPTIONS.dwellMinutes * 60_000);
    const stop = await repo.save(repo.create({
      tripId: trip.id, seq: destination.seq + 500, kind: 'pickup', pickupPointId: from.pickupPointId, name: from.name, lng: from.lng, lat: from.lat, eta,
    }));
    await this.resequence(manager, trip);
    return stop;
  }

  /** Stops in time order (pickups by ETA, the workplace last); the trip departs from its first pickup. */
  private async resequence(manager: EntityManager, trip: Trip): Promise<void> {
    await manager.query(
      `UPDATE trip_stops s SET seq = o.rn + 1000
         FROM (SELECT id, row_number() OVER (ORDER BY kind = 'destination', eta, id) AS rn FROM trip_stops WHERE trip_id = $1) o
        WHERE s.id = o.id`, [trip.id],
    );
    await manager.query('UPDATE trip_stops SET seq = seq - 1000 WHERE trip_id = $1', [trip.id]);
    const [first]: Array<{ eta: Date }> = await manager.query(
      `SELECT eta FROM trip_stops WHERE trip_id = $1 AND kind = 'pickup' ORDER BY seq LIMIT 1`, [trip.id],
    );
    if (first) trip.departureAt = new Date(first.eta);
  }

  private async dropEmptyStop(manager: EntityManager, stopId: string): Promise<void> {
    await manager.query(
      `DELETE FROM trip_stops s WHERE s.id = $1 AND s.kind = 'pickup' AND NOT EXISTS (SELECT 1 FROM trip_riders r WHERE r.pickup_stop_id = s.id)`,
      [stopId],
    );
  }
}

function firstFreeSeat(taken: number[]): number {
  let seat = 1;
  for (const t of taken) {
    if (t > seat) break;
    if (t === seat) seat++;
  }
  return seat;
}

