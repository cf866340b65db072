import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QueueName, RegistryJob } from '@daogang/platform';
import type { Job } from 'bullmq';
import { CompletenessService } from './completeness.service.js';

/** Queue edge of the registry's housekeeping; the snapshot replaces the day's rows, so a retry does no harm. */
@Processor(QueueName.Registry)
export class RegistryProcessor extends WorkerHost {
  private readonly logger = new Logger(RegistryProcessor.name);

  constructor(private readonly completeness: CompletenessService) {
    super();
  }

  async process(job: Job<{ day?: string }>): Promise<{ counties: number }> {
    switch (job.name as RegistryJob) {
      case RegistryJob.SnapshotCompleteness: {
        const counties = await this.completeness.snapshot(job.data.day);
        this.logger.log(`completeness snapshot: ${counties} counties`);
        return { counties };
      }
      default:
        throw new Error(`unknown registry job ${job.name}`);
    }
  }
}
