import { Processor, WorkerHost } from '@nestjs/bullmq';
import { NotificationsJob, QueueName, SendSmsPayload } from '@daogang/platform';
import type { Job } from 'bullmq';
import { SmsSendOutcome, SmsSender } from './sms/sms-sender.service.js';

/**
 * Queue edge of notifications: SendSms hands one outbox row to the sender (which claims it, so a retried or
 * duplicated job never sends twice); SweepSms, every minute, catches what was never queued or got stuck.
 */
@Processor(QueueName.Notifications, { concurrency: 5 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly sender: SmsSender) {
    super();
  }

  async process(job: Job): Promise<{ status: SmsSendOutcome } | { redispatched: number; unknown: number }> {
    switch (job.name as NotificationsJob) {
      case NotificationsJob.SendSms:
        return { status: await this.sender.send((job.data as SendSmsPayload).smsId) };
      case NotificationsJob.SweepSms:
        return this.sender.sweep();
      default:
        throw new Error(`unknown notifications job ${job.name}`);
    }
  }
}
