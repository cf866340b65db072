import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { ImportJob, ImportWorkersPayload, QueueName } from '@daogang/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { ImportFileError, ImportNotFoundError, ImportOutcome, ImportRunner } from './import-runner.service.js';

/**
 * Queue edge of the bulk import: hands the job to ImportRunner, reports progress ({done, total}) on the job.
 * A retry resumes after the last committed batch. A file that cannot be imported fails at once (no retries);
 * any other error is retried with the queue's backoff, and the import is marked failed after the last attempt.
 */
@Processor(QueueName.Import)
export class ImportProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job): Promise<ImportOutcome> {
    switch (job.name as ImportJob) {
      case ImportJob.ImportWorkers: {
        const { importId } = job.data as ImportWorkersPayload;
        try {
          return await this.runner.run(importId, (progress) => job.updateProgress(progress));
        } catch (e) {
          // The row is written before the job is queued: an import that is not there was deleted, and stays so.
          if (e instanceof ImportFileError || e instanceof ImportNotFoundError) throw new UnrecoverableError(e.message);
          const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          this.logger.error(`import ${importId} attempt ${job.attemptsMade + 1} failed: ${(e as Error).stack ?? e}`);
          if (lastAttempt) await this.runner.fail(importId, '导入过程中出错，请稍后重新上传；如仍失败请联系管理员');
          throw e;
        }
      }
      default:
        throw new Error(`unknown import job ${job.name}`);
    }
  }
}
