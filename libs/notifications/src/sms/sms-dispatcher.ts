import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { NotificationsJob, QueueName, SendSmsPayload } from '@daogang/platform';
import type { Queue } from 'bullmq';

/** How long a request waits for Redis to take the jobs; the sweeper sends what was not queued. */
const DISPATCH_TIMEOUT_MS = 2000;

/**
 * BullMQ de-duplicates by job id: one job per SMS. (BullMQ 6 refuses a custom id with a single `:`, hence `sms-`.)
 * The claim in sms_messages is what really prevents a second send; the job id only keeps the queue tidy.
 */
export const smsJobId = (smsId: string) => `sms-${smsId}`;

const sendSmsJob = (smsId: string) => ({
  name: NotificationsJob.SendSms,
  data: { smsId } satisfies SendSmsPayload,
  opts: { jobId: smsJobId(smsId) },
});

/** Puts SendSms jobs on the `notifications` queue (producer side of the SMS outbox). */
@Injectable()
export class SmsDispatcher {
  private readonly logger = new Logger(SmsDispatcher.name);

  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  /**
   * After the business transaction has committed. Never throws: with Redis away (BullMQ's connection waits for it
   * rather than failing) the request goes on after a short wait, and the rows stay `pending` for the SweepSms job.
   */
  async dispatch(smsIds: string[]): Promise<void> {
    if (!smsIds.length) return;
    const added = this.queue.addBulk(smsIds.map(sendSmsJob));
    added.catch(() => undefined); // a failure after the timeout must not become an unhandled rejection
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${DISPATCH_TIMEOUT_MS} ms`)), DISPATCH_TIMEOUT_MS);
    });
    try {
      await Promise.race([added, timeout]);
    } catch (error) {
      this.logger.warn(`${smsIds.length} SMS not queued (${(error as Error).message}); the SMS sweeper sends them within minutes`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * For the sweeper (worker side): queues the SMS again. A job still waiting, delayed or running is left alone; a
   * finished one (failed after its attempts, or completed) is replaced, since BullMQ ignores an add with a known id.
   */
  async redispatch(smsIds: string[]): Promise<number> {
    const toAdd: string[] = [];
    for (const smsId of smsIds) {
      const job = await this.queue.getJob(smsJobId(smsId));
      if (!job) {
        toAdd.push(smsId);
        continue;
      }
      const state = await job.getState();
      if (state === 'failed' || state === 'completed') {
        await job.remove();
        toAdd.push(smsId);
      }
    }
    if (toAdd.length) await this.queue.addBulk(toAdd.map(sendSmsJob));
    return toAdd.length;
  }
}
