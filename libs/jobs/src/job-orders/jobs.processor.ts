import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobsJob, QueueName } from '@daogang/platform';
import type { Job } from 'bullmq';
import { JobOrdersService } from './job-orders.service.js';

/** Queue edge of job orders: expiry. Closing what is already closed changes nothing, so a retry does no harm. */
@Processor(QueueName.Jobs)
export class JobsProcessor extends WorkerHost {
  private readonly logger = new Logger(JobsProcessor.name);

  constructor(private readonly jobs: JobOrdersService) {
    super();
  }

  async process(job: Job): Promise<{ closed: number }> {
    switch (job.name as JobsJob) {
      case JobsJob.ExpireJobOrders: {
        const ids = await this.jobs.expire();
        if (ids.length) this.logger.log(`closed ${ids.length} expired job orders`);
        return { closed: ids.length };
      }
      default:
        throw new Error(`unknown jobs job ${job.name}`);
    }
  }
}
