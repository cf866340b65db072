import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyScope, AuthUser, maskMobile, NotFoundError, PiiCipher, Role } from '@daogang/platform';
import { Employer } from '@daogang/jobs';
import { PiiAccess, Worker } from '@daogang/registry';
import { DataSource, EntityManager } from 'typeorm';
import { TripRider } from '../entities/trip-rider.entity.js';
import type { RiderStatus } from '../entities/trip-rider.entity.js';
import { TripStop } from '../entities/trip-stop.entity.js';
import { Trip } from '../entities/trip.entity.js';
import { VEHICLE_KIND_ZH } from '../fleet/fleet-names.js';
import { VehicleMapper } from '../fleet/vehicle.mapper.js';
import type { ManifestDto, ManifestRiderDto } from './dto/manifest.dto.js';
import { contentDisposition, manifestCsv, manifestFileName } from './manifest-csv.js';
import { RIDER_STATUS_ZH, TRIP_STATUS_ZH } from '../statuses.js';

/** One rider as the roster query returns it: the trip_riders row joined with the worker and their pickup stop. */
interface RiderRow {
  seat: number;
  status: RiderStatus;
  stopId: string;
  stopName: string;
  stopEta: Date;
  workerId: string;
  name: string;
  idNumberMasked: string;
  mobileEncrypted: string | null;
  mobileMasked: string | null;
  emergencyName: string;
  emergencyEncrypted: string | null;
}

export interface ManifestFile {
  fileName: string;
  contentDisposition: string;
  content: Buffer;
}

/**
 * 乘车名单: a trip's roster. Who sees what is decided here and nowhere else:
 * - coordinators and admins see every rider with mobiles in full (they phone riders), and each such read is audited
 *   (one pii_access_log row per rider, in the same transaction);
 * - the trip's employer sees every rider with masked mobiles; another employer's trip does not exist for them;
 * - a broker sees the riders of their counties only, masked; a trip with none of them does not exist for them.
 * ID numbers are always masked.
 */
@Injectable()
export class ManifestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
    private readonly vehicles: VehicleMapper,
  ) {}

  get(user: AuthUser, tripId: string): Promise<ManifestDto> {
    return this.build(user, tripId, '查看乘车名单');
  }

  async csv(user: AuthUser, tripId: string): Promise<ManifestFile> {
    const manifest = await this.build(user, tripId, '导出乘车名单');
    const fileName = manifestFileName(manifest.code);
    return { fileName, contentDisposition: contentDisposition(fileName, `manifest-${manifest.tripId.slice(0, 8)}.csv`), content: manifestCsv(manifest) };
  }

  maySeeMobiles(user: AuthUser): boolean {
    return user.role === Role.Coordinator || user.role === Role.Admin;
  }

  private build(user: AuthUser, tripId: string, purpose: string): Promise<ManifestDto> {
    return this.dataSource.transaction(async (manager) => {
      const trip = await applyScope(
        manager.getRepository(Trip).createQueryBuilder('trip').leftJoinAndSelect('trip.vehicle', 'vehicle').where('trip.id = :tripId', { tripId }),
        user,
        { employer: 'trip.employerId' },
      ).getOne();
      if (!trip) throw new NotFoundError('车次', tripId);
      const rows = await this.riders(manager, user, trip.id);
      // Out of scope reads as absent: a broker learns nothing of a trip that carries none of their workers.
      if (user.role === Role.Broker && !rows.length) throw new NotFoundError('车次', tripId);
      const stops = await manager.getRepository(TripStop).find({ where: { tripId: trip.id }, order: { seq: 'ASC' } });
      const employer = await manager.getRepository(Employer).findOne({ where: { id: trip.employerId }, select: { id: true, name: true } });
      const unmasked = this.maySeeMobiles(user);
      if (unmasked) await this.audit(manager, user, rows, `${purpose}（车次 ${trip.code}）`);
      return {
        tripId: trip.id,
        code: trip.code,
        status: trip.status,
        statusName: TRIP_STATUS_ZH[trip.status],
        vehicleKind: trip.vehicleKind,
        vehicleKindName: VEHICLE_KIND_ZH[trip.vehicleKind],
        seats: trip.seats,
        ...(trip.vehicle ? { vehicle: this.vehicles.toDto(user, trip.vehicle) } : {}),
        employerName: employer?.name ?? '',
        destinationName: trip.destinationName,
        startDate: trip.startDate,
        departureAt: trip.departureAt.toISOString(),
        arrivalAt: trip.arrivalAt.toISOString(),
        km: trip.km,
        stops: stops.map((s) => ({
          seq: s.seq, kind: s.kind, name: s.name, eta: s.eta.toISOString(), riders: rows.filter((r) => r.stopId === s.id).length,
        })),
        riders: rows.map((r) => this.rider(r, unmasked)),
        unmasked,
      };
    });
  }

  /** The riders the caller may see, in seat order. */
  private riders(manager: EntityManager, user: AuthUser, tripId: string): Promise<RiderRow[]> {
    const qb = manager.getRepository(TripRider).createQueryBuilder('r')
      .innerJoin('r.trip', 't')
      .innerJoin('r.pickupStop', 's')
      .innerJoin(Worker, 'w', 'w.id = r.workerId')
      .select('r.seat', 'seat')
      .addSelect('r.status', 'status')
      .addSelect('s.id', 'stopId')
      .addSelect('s.name', 'stopName')
      .addSelect('s.eta', 'stopEta')
      .addSelect('w.id', 'workerId')
      .addSelect('w.name', 'name')
      .addSelect('w.idNumberMasked', 'idNumberMasked')
      .addSelect('w.mobileEncrypted', 'mobileEncrypted')
      .addSelect('w.mobileMasked', 'mobileMasked')
      .addSelect('w.emergencyContactName', 'emergencyName')
      .addSelect('w.emergencyContactMobileEncrypted', 'emergencyEncrypted')
      .where('r.tripId = :tripId', { tripId })
      .orderBy('r.seat', 'ASC');
    return applyScope(qb, user, { employer: 't.employerId', county: 'w.homeCountyCode' }).getRawMany<RiderRow>();
  }

  /** The one mapping of a rider: ID number always masked; mobiles in full only when `unmasked`. */
  private rider(r: RiderRow, unmasked: boolean): ManifestRiderDto {
    const mobile = unmasked && r.mobileEncrypted ? this.pii.decrypt(r.mobileEncrypted) : r.mobileMasked;
    const emergencyFull = r.emergencyEncrypted ? this.pii.decrypt(r.emergencyEncrypted) : null;
    const emergency = emergencyFull && (unmasked ? emergencyFull : maskMobile(emergencyFull));
    return {
      seat: Number(r.seat),
      workerId: r.workerId,
      name: r.name,
      idNumber: r.idNumberMasked,
      ...(mobile ? { mobile } : {}),
      pickupStopName: r.stopName,
      pickupEta: new Date(r.stopEta).toISOString(),
      emergencyContactName: r.emergencyName,
      ...(emergency ? { emergencyContactMobile: emergency } : {}),
      status: r.status,
      statusName: RIDER_STATUS_ZH[r.status],
    };
  }

  /** One access row per rider whose numbers leave in full, like the registry's detail view. */
  private async audit(manager: EntityManager, user: AuthUser, rows: RiderRow[], reason: string): Promise<void> {
    const entries = rows
      .map((r) => ({
        actorId: user.id,
        actorRole: user.role,
        subjectWorkerId: r.workerId,
        fields: [...(r.mobileEncrypted ? ['mobile'] : []), ...(r.emergencyEncrypted ? ['emergencyContactMobile'] : [])],
        reason,
      }))
      .filter((e) => e.fields.length);
    if (entries.length) await manager.getRepository(PiiAccess).insert(entries);
  }
}
