import { Injectable } from '@nestjs/common';
import { PiiCipher } from '@daogang/platform';
import { NotificationRequest, NotificationTemplate } from '@daogang/notifications';
import type { EntityManager } from 'typeorm';
import type { Trip } from '../entities/trip.entity.js';

/** 2月27日 06:30 in Beijing time. */
export function beijingTime(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

interface RiderRow {
  rider_id: string;
  seat: number;
  stop_name: string;
  stop_eta: Date;
  worker_id: string;
  user_id: string | null;
  mobile_encrypted: string | null;
  mobile_masked: string | null;
  mobile_hash: string | null;
}

/**
 * The messages riders get about their trip: pickup point and time, seat, the coordinator's phone. One request per
 * rider (their own stop and seat), keyed so that the same event never reaches a rider twice.
 */
@Injectable()
export class TripNotices {
  constructor(private readonly cipher: PiiCipher) {}

  async forRiders(
    manager: EntityManager,
    trip: Trip,
    template: NotificationTemplate,
    dedupeKey: string,
    options: { riderIds?: string[]; before?: string } = {},
  ): Promise<NotificationRequest[]> {
    const riders: RiderRow[] = await manager.query(
      `SELECT r.id AS rider_id, r.seat, s.name AS stop_name, s.eta AS stop_eta, w.id AS worker_id, w.user_id, w.mobile_encrypted, w.mobile_masked, w.mobile_hash
         FROM trip_riders r JOIN trip_stops s ON s.id = r.pickup_stop_id JOIN workers w ON w.id = r.worker_id
        WHERE r.trip_id = $1 AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
        ORDER BY r.seat`,
      [trip.id, options.riderIds ?? null],
    );
    const coordinator = await this.coordinator(manager, trip.coordinatorId);
    return riders.map((r) => ({
      template,
      dedupeKey: `${dedupeKey}:${r.rider_id}`,
      link: '/m/trip',
      params: {
        trip: trip.code, destination: trip.destinationName, pickup: r.stop_name, time: beijingTime(new Date(r.stop_eta)), seat: r.seat,
        coordinator: coordinator.name, phone: coordinator.phone, before: options.before ?? '出发前',
      },
      to: [{
        userId: r.user_id,
        sms: r.mobile_encrypted && r.mobile_masked ? { workerId: r.worker_id, mobileEncrypted: r.mobile_encrypted, mobileMasked: r.mobile_masked, mobileHash: r.mobile_hash } : null,
      }],
    }));
  }

  /** The coordinator in charge, with the phone riders call; the local labour office when none is set. */
  async coordinator(manager: EntityManager, id: string | null): Promise<{ name: string; phone: string }> {
    if (!id) return { name: '当地劳务办', phone: '12333' };
    const [user]: Array<{ display_name: string; mobile_encrypted: string | null }> = await manager.query(
      'SELECT display_name, mobile_encrypted FROM users WHERE id = $1', [id],
    );
    return { name: user?.display_name ?? '当地劳务办', phone: user?.mobile_encrypted ? this.cipher.decrypt(user.mobile_encrypted) : '12333' };
  }
}
