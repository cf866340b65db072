import { Injectable } from '@nestjs/common';
import { RegionsService } from '@daogang/registry';
import type { EntityManager } from 'typeorm';
import type { Trip } from '../entities/trip.entity.js';
import { TRIP_STATUS_ZH } from '../statuses.js';
import type { TripDto, TripRiderDto, TripStopDto } from './dto/trip.dto.js';


/** Trips as the dispatch board shows them: stops with rider counts, and (in detail) the riders by seat. */
@Injectable()
export class TripMapper {
  constructor(private readonly regions: RegionsService) {}

  async toDtos(manager: EntityManager, trips: Trip[], withRiders: boolean): Promise<TripDto[]> {
    if (!trips.length) return [];
    const ids = trips.map((t) => t.id);
    const stops: Array<{ id: string; trip_id: string; seq: number; kind: 'pickup' | 'destination'; name: string; eta: Date; riders: number }> = await manager.query(
      `SELECT s.id, s.trip_id, s.seq, s.kind, s.name, s.eta, count(r.id)::int AS riders
         FROM trip_stops s LEFT JOIN trip_riders r ON r.pickup_stop_id = s.id
        WHERE s.trip_id = ANY($1) GROUP BY s.id ORDER BY s.trip_id, s.seq`, [ids],
    );
    const employers: Array<{ id: string; name: string }> = await manager.query(
      'SELECT id, name FROM employers WHERE id = ANY($1)', [[...new Set(trips.map((t) => t.employerId))]],
    );
    const vehicles: Array<{ trip_id: string; plate: string }> = await manager.query(
      `SELECT t.id AS trip_id, v.plate_or_train_no AS plate FROM trips t JOIN vehicles v ON v.id = t.vehicle_id WHERE t.id = ANY($1)`, [ids],
    );
    const riders: Array<{ id: string; trip_id: string; application_id: string; worker_id: string; name: string; home_county_code: string; seat: number; pickup_stop_id: string; stop_name: string; status: TripRiderDto['status'] }> = await manager.query(
      `SELECT r.id, r.trip_id, r.application_id, r.worker_id, w.name, w.home_county_code, r.seat, r.pickup_stop_id, s.name AS stop_name, r.status
         FROM trip_riders r JOIN workers w ON w.id = r.worker_id JOIN trip_stops s ON s.id = r.pickup_stop_id
        WHERE r.trip_id = ANY($1) ORDER BY r.trip_id, r.seat`, [ids],
    );
    return trips.map((t) => {
      const own = riders.filter((r) => r.trip_id === t.id);
      const plate = vehicles.find((v) => v.trip_id === t.id)?.plate;
      return {
        id: t.id, ...(t.planId ? { planId: t.planId } : {}), code: t.code, status: t.status, statusZh: TRIP_STATUS_ZH[t.status], locked: t.locked,
        vehicleKind: t.vehicleKind, seats: t.seats, ...(plate ? { vehicle: plate } : {}), employerId: t.employerId,
        employerName: employers.find((e) => e.id === t.employerId)?.name ?? '', destinationName: t.destinationName, startDate: t.startDate, departureAt: t.departureAt.toISOString(), arrivalAt: t.arrivalAt.toISOString(),
        km: Math.round(t.km), riderCount: own.length, version: t.version,
        stops: stops.filter((s) => s.trip_id === t.id).map((s): TripStopDto => ({
          id: s.id, seq: s.seq, kind: s.kind, name: s.name, eta: new Date(s.eta).toISOString(), riders: s.riders,
        })),
        ...(withRiders ? {
          riders: own.map((r): TripRiderDto => ({
            id: r.id, applicationId: r.application_id, workerId: r.worker_id, name: r.name, homeCounty: this.regions.get(r.home_county_code)?.name ?? r.home_county_code,
            seat: r.seat, stopId: r.pickup_stop_id, stopName: r.stop_name, status: r.status,
          })),
        } : {}),
      };
    });
  }
}
