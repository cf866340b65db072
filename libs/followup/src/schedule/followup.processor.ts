import { Processor, WorkerHost } from '@nestjs/bullmq';
import { FollowupJob, QueueName, ScanFollowUpsPayload } from '@daogang/platform';
import type { Job } from 'bullmq';
import { CaseFlagsService } from '../cases/case-flags.service.js';
import { CreateFollowUpsResult, FollowUpScheduleService, ScanResult } from './follow-up-schedule.service.js';

/**
 * The `followup` queue: hands each job to the schedule service (idempotent: a retried, duplicated or interrupted job
 * does no harm). Two at a time, so a long catch-up scan does not hold back the creation of new follow-ups.
 */
@Processor(QueueName.Followup, { concurrency: 2 })
export class FollowupProcessor extends WorkerHost {
  constructor(
    private readonly schedule: FollowUpScheduleService,
    private readonly flags: CaseFlagsService,
  ) {
    super();
  }

  async process(job: Job): Promise<CreateFollowUpsResult | (ScanResult & { missedCases: number })> {
    switch (job.name as FollowupJob) {
      case FollowupJob.CreateFollowUps:
        return this.schedule.createFromArrivals();
      case FollowupJob.ScanFollowUps: {
        const result = await this.schedule.scan((job.data as ScanFollowUpsPayload).today);
        // Two missed follow-ups put the placement at risk: a case for its broker.
        return { ...result, missedCases: await this.flags.flagMissedFollowUps() };
      }
      default:
        throw new Error(`unknown followup job ${job.name}`);
    }
  }
}
