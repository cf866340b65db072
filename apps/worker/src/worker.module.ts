import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsProcessorsModule } from '@daogang/accounts';
import { AppConfig, MaintenanceJob, PlatformModule, QueueName } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import type { Queue } from 'bullmq';

/** Repeating jobs, declared once; upserting them at every start is idempotent. */
@Injectable()
class Schedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      'purge-refresh-tokens-daily',
      { pattern: '0 20 * * *' }, // 04:00 Beijing time
      { name: MaintenanceJob.PurgeExpiredRefreshTokens, data: { requestedBy: 'scheduler' } },
    );
  }
}

/** The queue worker: every domain's processors; HTTP only for its health endpoint. */
@Module({})
export class WorkerModule {
  static with(config?: AppConfig, options: { schedules?: boolean } = {}) {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ schema: SCHEMA, config, http: true }), AccountsProcessorsModule],
      providers: options.schedules === false ? [] : [Schedules],
    };
  }
}
