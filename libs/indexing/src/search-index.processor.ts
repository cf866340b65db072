import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QueueName, SearchIndexJob } from '@daogang/platform';
import type { Job } from 'bullmq';
import { IndexSyncService } from './index-sync.service.js';

/**
 * Queue edge of indexing for a shared engine (Meilisearch): a repeating SyncIndexes job applies the outbox in
 * batches; Reindex rebuilds one index aside and swaps it in. Both are idempotent.
 */
@Processor(QueueName.SearchIndex)
export class SearchIndexProcessor extends WorkerHost {
  constructor(private readonly sync: IndexSyncService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as SearchIndexJob) {
      case SearchIndexJob.SyncIndexes:
        return this.sync.syncShared();
      case SearchIndexJob.Reindex:
        return { documents: await this.sync.rebuildByName((job.data as { index: string }).index) };
      case SearchIndexJob.PruneOutbox:
        return { deleted: await this.sync.pruneOutbox((job.data as { olderThanDays?: number }).olderThanDays ?? 7) };
      default:
        throw new Error(`unknown search-index job ${job.name}`);
    }
  }
}
