import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { type DefaultJobOptions, type Processor, type RedisOptions, Worker, type WorkerOptions } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { ALL_QUEUES } from './queues.js';

/** Defaults for every job: retried with exponential backoff, completed jobs bounded, failed jobs kept for inspection. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export function redisConnection(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Workers with the configured lock and stalled-job check (QUEUE_LOCK_MS, QUEUE_STALLED_CHECK_MS); a processor's own
 * options (concurrency…) still apply. Set once per process, when the queues are configured.
 */
function workerClass(config: AppConfig): typeof Worker {
  return class ConfiguredWorker extends Worker {
    constructor(name: string, processor?: string | URL | null | Processor, opts?: WorkerOptions) {
      super(name, processor, { lockDuration: config.QUEUE_LOCK_MS, stalledInterval: config.QUEUE_STALLED_CHECK_MS, ...opts } as WorkerOptions);
    }
  };
}

/** BullMQ on the configured Redis, with every queue of queues.ts registered. */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            BullModule.workerClass = workerClass(config);
            return { connection: redisConnection(config.REDIS_URL), prefix: config.REDIS_PREFIX, defaultJobOptions: DEFAULT_JOB_OPTIONS };
          },
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}
