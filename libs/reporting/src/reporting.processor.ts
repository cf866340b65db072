import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, Module } from '@nestjs/common';
import { QueueName, ReportingJob, type SnapshotReportsPayload } from '@daogang/platform';
import type { Job } from 'bullmq';
import { ReportSummaryService } from './summary/report-summary.service.js';

/** Queue edge of the report summary: the fold and the daily snapshot are both safe to repeat. */
@Processor(QueueName.Reporting)
export class ReportingProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportingProcessor.name);

  constructor(private readonly summary: ReportSummaryService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as ReportingJob) {
      case ReportingJob.FoldReports:
        return this.summary.fold();
      case ReportingJob.SnapshotReports: {
        const rows = await this.summary.snapshot((job.data as SnapshotReportsPayload).day);
        this.logger.log(`report snapshot: ${rows} rows`);
        return { rows };
      }
      case ReportingJob.RebuildReports: {
        const rows = await this.summary.rebuild();
        this.logger.log(`report summary rebuilt: ${rows} rows`);
        return { rows };
      }
      default:
        throw new Error(`unknown reporting job ${job.name}`);
    }
  }
}

/** The worker app's side of reporting. */
@Module({ providers: [ReportSummaryService, ReportingProcessor] })
export class ReportingProcessorsModule {}
