import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueueName, RemindRidersPayload, TransportJob } from '@daogang/platform';
import { NotificationsService, NotificationTemplate } from '@daogang/notifications';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { Trip } from '../entities/trip.entity.js';
import { TripNotices } from './trip-notices.js';

/** Reminders before departure, in hours. */
export const REMINDER_HOURS = [24, 2] as const;
export const reminderJobId = (tripId: string, hours: number) => `remind-${tripId}-${hours}h`;

/**
 * 出发提醒: one delayed job per confirmed trip and lead time. Rescheduling a trip moves its jobs (remove, add with the
 * new delay); cancelling removes them. The job carries the departure it was made for, so a reminder that escaped a
 * move (it was already running) finds the trip changed and sends nothing; and the notifications are keyed by trip,
 * lead time and departure, so a retried job sends nothing twice.
 */
@Injectable()
export class TripRemindersService {
  private readonly logger = new Logger(TripRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Transport) private readonly queue: Queue,
    private readonly notices: TripNotices,
    private readonly notifications: NotificationsService,
  ) {}

  /** (Re)schedules both reminders for the trip's departure; lead times already past are skipped. */
  async schedule(trip: Pick<Trip, 'id' | 'departureAt'>, now = Date.now()): Promise<void> {
    await this.cancel(trip.id);
    for (const hours of REMINDER_HOURS) {
      const delay = trip.departureAt.getTime() - hours * 3_600_000 - now;
      if (delay <= 0) continue;
      const payload: RemindRidersPayload = { tripId: trip.id, hoursBefore: hours, departureAt: trip.departureAt.toISOString() };
      await this.queue.add(TransportJob.RemindRiders, payload, { jobId: reminderJobId(trip.id, hours), delay });
    }
  }

  async cancel(tripId: string): Promise<void> {
    for (const hours of REMINDER_HOURS) {
      const job = await this.queue.getJob(reminderJobId(tripId, hours));
      if (job) await job.remove().catch((error: Error) => this.logger.warn(`reminder ${job.id} not removed: ${error.message}`));
    }
  }

  /** The RemindRiders job. */
  async remind(payload: RemindRidersPayload): Promise<number> {
    let smsIds: string[] = [];
    const sent = await this.dataSource.transaction(async (manager) => {
      const trip = await manager.getRepository(Trip).findOneBy({ id: payload.tripId });
      if (!trip || !['confirmed', 'boarding'].includes(trip.status) || trip.departureAt.toISOString() !== payload.departureAt) return 0;
      const requests = await this.notices.forRiders(manager, trip, NotificationTemplate.TripReminder,
        `trip-reminder:${trip.id}:${payload.hoursBefore}:${Date.parse(payload.departureAt) / 1000}`, { before: `${payload.hoursBefore}小时` });
      smsIds = await this.notifications.record(manager, requests);
      return requests.length;
    });
    await this.notifications.dispatch(smsIds);
    return sent;
  }
}
