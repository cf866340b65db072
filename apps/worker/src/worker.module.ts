import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AccountsProcessorsModule } from '@daogang/accounts';
import { IndexingModule, SearchEngineModule } from '@daogang/indexing';
import { JobsIndex, JobsIndexModule, JobsProcessorsModule } from '@daogang/jobs';
import { NotificationsProcessorsModule } from '@daogang/notifications';
import { RegistryProcessorsModule, WorkersIndex, WorkersIndexModule } from '@daogang/registry';
import { FollowupProcessorsModule } from '@daogang/followup';
import { ReportingProcessorsModule } from '@daogang/reporting';
import { AppConfig, FollowupJob, JobsJob, MaintenanceJob, NotificationsJob, PlatformModule, QueueName, RegistryJob, ReportingJob, SearchIndexJob } from '@daogang/platform';
import { SCHEMA } from '@daogang/schema';
import { TransportProcessorsModule } from '@daogang/transport';
import type { Queue } from 'bullmq';

/** Repeating jobs, declared once; upserting them at every start is idempotent. */
@Injectable()
class Schedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    @InjectQueue(QueueName.Registry) private readonly registry: Queue,
    @InjectQueue(QueueName.Jobs) private readonly jobs: Queue,
    @InjectQueue(QueueName.SearchIndex) private readonly searchIndex: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    @InjectQueue(QueueName.Followup) private readonly followup: Queue,
    @InjectQueue(QueueName.Reporting) private readonly reporting: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      'purge-refresh-tokens-daily',
      { pattern: '0 20 * * *' }, // 04:00 Beijing time
      { name: MaintenanceJob.PurgeExpiredRefreshTokens, data: { requestedBy: 'scheduler' } },
    );
    await this.maintenance.upsertJobScheduler(
      'purge-idempotency-keys-daily',
      { pattern: '10 20 * * *' }, // 04:10 Beijing time
      { name: MaintenanceJob.PurgeIdempotencyKeys, data: {} },
    );
    await this.registry.upsertJobScheduler(
      'completeness-snapshot-daily',
      { pattern: '50 15 * * *' }, // 23:50 Beijing time: the day's figure for the ranking
      { name: RegistryJob.SnapshotCompleteness, data: {} },
    );
    await this.jobs.upsertJobScheduler(
      'expire-job-orders',
      { pattern: '5 * * * *' }, // hourly; the day turns at 16:00 UTC (midnight Beijing)
      { name: JobsJob.ExpireJobOrders, data: {} },
    );
    await this.searchIndex.upsertJobScheduler(
      'prune-outbox-daily',
      { pattern: '30 19 * * *' }, // 03:30 Beijing time
      { name: SearchIndexJob.PruneOutbox, data: {} },
    );
    await this.notifications.upsertJobScheduler(
      'sweep-sms',
      { every: 60_000 }, // SMS never queued (Redis away), stale failures, rows stuck in `sending`
      { name: NotificationsJob.SweepSms, data: {} },
    );
    // Follow-ups: new arrivals from the outbox every 10 s; the day's transitions every 5 minutes (an `every` scheduler
    // runs its first job at once, so a worker that was down catches up as soon as it starts).
    await this.followup.upsertJobScheduler('create-follow-ups', { every: 10_000 }, { name: FollowupJob.CreateFollowUps, data: {} });
    await this.followup.upsertJobScheduler('scan-follow-ups', { every: 5 * 60_000 }, { name: FollowupJob.ScanFollowUps, data: {} });
    // Officers' reports: the summary folded every minute; the day's county counts at 23:50 Beijing time.
    await this.reporting.upsertJobScheduler('fold-reports', { every: 60_000 }, { name: ReportingJob.FoldReports, data: {} });
    await this.reporting.upsertJobScheduler('snapshot-reports-daily', { pattern: '50 15 * * *' }, { name: ReportingJob.SnapshotReports, data: {} });
    if (this.config.searchIndexer === 'queue') {
      // A shared engine (Meilisearch) is kept in step by this app: the outbox applied every second, in batches.
      await this.searchIndex.upsertJobScheduler('sync-search-indexes', { every: 1000 }, { name: SearchIndexJob.SyncIndexes, data: {} });
    } else {
      await this.searchIndex.removeJobScheduler('sync-search-indexes');
    }
  }
}

/** The queue worker: every domain's processors; HTTP only for its health endpoint. */
@Module({})
export class WorkerModule {
  static with(config?: AppConfig, options: { schedules?: boolean } = {}) {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ schema: SCHEMA, config, http: true }), AccountsProcessorsModule, RegistryProcessorsModule, JobsProcessorsModule,
        SearchEngineModule,
        IndexingModule.forRoot({ imports: [JobsIndexModule, WorkersIndexModule], definitions: [JobsIndex, WorkersIndex], role: 'worker' }),
        NotificationsProcessorsModule, TransportProcessorsModule, FollowupProcessorsModule, ReportingProcessorsModule,
      ],
      providers: options.schedules === false ? [] : [Schedules],
    };
  }
}
