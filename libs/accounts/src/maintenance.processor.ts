import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MaintenanceJob, PurgeExpiredRefreshTokensPayload, QueueName } from '@daogang/platform';
import type { Job } from 'bullmq';
import { RefreshTokenService } from './refresh-token.service.js';

/** Queue edge of account housekeeping: hands each job to the service; a retry does no harm. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly refreshTokens: RefreshTokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async process(job: Job): Promise<{ purged: number }> {
    switch (job.name as MaintenanceJob) {
      case MaintenanceJob.PurgeExpiredRefreshTokens: {
        const payload = job.data as PurgeExpiredRefreshTokensPayload;
        const purged = await this.refreshTokens.purge(new Date(payload.before ?? job.processedOn ?? Date.now()));
        this.logger.log(`purged ${purged} refresh tokens (asked by ${payload.requestedBy})`);
        return { purged };
      }
      case MaintenanceJob.PurgeIdempotencyKeys: {
        // A day is longer than any client retries; the answers (personal data among them) are not kept longer.
        const [, purged] = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
        this.logger.log(`purged ${purged} idempotency keys`);
        return { purged };
      }
      default:
        throw new Error(`unknown maintenance job ${job.name}`);
    }
  }
}
