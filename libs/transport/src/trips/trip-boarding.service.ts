import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, beijingDay, ConflictError, NotFoundError, Role } from '@daogang/platform';
import { ApplicationMovesService, ApplicationsService } from '@daogang/matching';
import type { DataSource } from 'typeorm';
import { TripRider } from '../entities/trip-rider.entity.js';
import type { TripDto, MyTripDto } from './dto/trip.dto.js';
import { TRIP_STATUS_ZH } from '../statuses.js';
import { TripNotices } from './trip-notices.js';
import { TripRemindersService } from './trip-reminders.service.js';
import { TripsService } from './trips.service.js';

/**
 * 上车与到达: check-in per rider on the coordinator's phone (boarded / no-show), departure, arrival, close. Arrival
 * moves every boarded rider's placement to `arrived` through the applications' own state machine, in the same
 * transaction; that move writes the `placements.arrived` outbox event (once: a placement arrives once), from which the
 * follow-up schedule starts. Riders marked no-show are never marked arrived.
 */
@Injectable()
export class TripBoardingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly trips: TripsService,
    private readonly applications: ApplicationsService,
    private readonly moves: ApplicationMovesService,
    private readonly reminders: TripRemindersService,
    private readonly notices: TripNotices,
  ) {}

  async checkIn(user: AuthUser, tripId: string, riderId: string, status: 'boarded' | 'no_show'): Promise<TripDto> {
    await this.dataSource.transaction(async (manager) => {
      const [trip] = await this.trips.lockTrips(manager, [tripId]);
      if (!['confirmed', 'boarding'].includes(trip.status)) {
        throw new ConflictError(`车次${TRIP_STATUS_ZH[trip.status]}，不能登记上车`, { reason: 'TRIP_NOT_BOARDING' });
      }
      const rider = await manager.getRepository(TripRider).findOneBy({ id: riderId, tripId });
      if (!rider) throw new NotFoundError('乘车人', riderId);
      await manager.getRepository(TripRider).update({ id: riderId }, { status, boardedAt: status === 'boarded' ? new Date() : null });
      if (trip.status === 'confirmed') {
        trip.status = 'boarding';
        await manager.save(trip);
      }
    });
    return this.trips.get(user, tripId);
  }

  /** Departure: every rider checked in (boarded or no-show) first; the reminders have nothing left to say. */
  async depart(user: AuthUser, tripId: string): Promise<TripDto> {
    await this.dataSource.transaction(async (manager) => {
      const [trip] = await this.trips.lockTrips(manager, [tripId]);
      if (!['confirmed', 'boarding'].includes(trip.status)) throw new ConflictError(`车次${TRIP_STATUS_ZH[trip.status]}，不能发车`, { reason: 'TRIP_NOT_BOARDING' });
      const [{ pending, boarded }] = await manager.query(
        `SELECT count(*) FILTER (WHERE status = 'assigned')::int AS pending, count(*) FILTER (WHERE status = 'boarded')::int AS boarded
           FROM trip_riders WHERE trip_id = $1`, [tripId],
      );
      if (pending) throw new ConflictError(`还有${pending}人未登记上车或未到`, { reason: 'RIDERS_NOT_CHECKED_IN', pending });
      if (!boarded) throw new ConflictError('没有人上车，请取消车次', { reason: 'NOBODY_BOARDED' });
      Object.assign(trip, { status: 'departed', departedAt: new Date() });
      await manager.save(trip);
    });
    await this.reminders.cancel(tripId);
    return this.trips.get(user, tripId);
  }

  /** Arrival, confirmed by the coordinator or the employer of the workplace. */
  async arrive(user: AuthUser, tripId: string): Promise<TripDto> {
    await this.dataSource.transaction(async (manager) => {
      const [trip] = await this.trips.lockTrips(manager, [tripId]);
      if (user.role === Role.Employer && trip.employerId !== user.employerId) throw new NotFoundError('车次', tripId);
      if (trip.status !== 'departed') throw new ConflictError(`车次${TRIP_STATUS_ZH[trip.status]}，不能确认到达`, { reason: 'TRIP_NOT_DEPARTED' });
      const boarded = await manager.getRepository(TripRider).find({ where: { tripId, status: 'boarded' }, order: { seat: 'ASC' } });
      const day = beijingDay();
      for (const rider of boarded) {
        const a = await this.applications.lockVisible(manager, user, rider.applicationId);
        // A placement withdrawn while on the road keeps its rider as boarded; everyone else arrives.
        if (a.status !== 'placed') continue;
        await this.moves.move(manager, user, a, { action: 'arrive', date: day });
        await manager.getRepository(TripRider).update({ id: rider.id }, { status: 'arrived', arrivedAt: new Date() });
      }
      Object.assign(trip, { status: 'arrived', arrivedAt: new Date() });
      await manager.save(trip);
    });
    return this.trips.get(user, tripId);
  }

  async close(user: AuthUser, tripId: string): Promise<TripDto> {
    await this.dataSource.transaction(async (manager) => {
      const [trip] = await this.trips.lockTrips(manager, [tripId]);
      if (trip.status !== 'arrived') throw new ConflictError(`车次${TRIP_STATUS_ZH[trip.status]}，不能结束`, { reason: 'TRIP_NOT_ARRIVED' });
      trip.status = 'closed';
      await manager.save(trip);
    });
    return this.trips.get(user, tripId);
  }

  /** 我的行程: the worker's confirmed trips (drafts may still change), newest first, with the coordinator's phone. */
  async mine(user: AuthUser): Promise<MyTripDto[]> {
    const rows: Array<{ trip_id: string; code: string; status: MyTripDto['status']; destination_name: string; coordinator_id: string | null; arrival_at: Date; plate: string | null; stop_name: string; stop_address: string; stop_eta: Date; seat: number; rider_status: MyTripDto['riderStatus'] }>
      = await this.dataSource.query(
        `SELECT t.id AS trip_id, t.code, t.status, t.destination_name, t.coordinator_id, t.arrival_at, v.plate_or_train_no AS plate,
                s.name AS stop_name, coalesce(p.address, '') AS stop_address, s.eta AS stop_eta, r.seat, r.status AS rider_status
           FROM trip_riders r JOIN trips t ON t.id = r.trip_id JOIN trip_stops s ON s.id = r.pickup_stop_id
           JOIN workers w ON w.id = r.worker_id LEFT JOIN vehicles v ON v.id = t.vehicle_id LEFT JOIN pickup_points p ON p.id = s.pickup_point_id
          WHERE w.user_id = $1 AND t.status NOT IN ('planned', 'cancelled')
          ORDER BY t.departure_at DESC`, [user.id],
      );
    const out: MyTripDto[] = [];
    const coordinators = new Map<string | null, { name: string; phone: string }>();
    for (const r of rows) {
      // One lookup (and one decryption) per coordinator, not per trip.
      if (!coordinators.has(r.coordinator_id)) coordinators.set(r.coordinator_id, await this.notices.coordinator(this.dataSource.manager, r.coordinator_id));
      const coordinator = coordinators.get(r.coordinator_id)!;
      out.push({
        tripId: r.trip_id, code: r.code, status: r.status, statusZh: TRIP_STATUS_ZH[r.status], destinationName: r.destination_name,
        pickup: r.stop_name, pickupAddress: r.stop_address, pickupAt: new Date(r.stop_eta).toISOString(), seat: r.seat, riderStatus: r.rider_status,
        ...(r.plate ? { vehicle: r.plate } : {}), arrivalAt: new Date(r.arrival_at).toISOString(),
        coordinatorName: coordinator.name, coordinatorPhone: coordinator.phone,
      });
    }
    return out;
  }
}
