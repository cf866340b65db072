import 'reflect-metadata';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@daogang/platform';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The worker process: BullMQ processors, closed gracefully on SIGTERM (running jobs finish first). */
export async function createWorkerApp(
  config: AppConfig = loadConfig(),
  options: { schedules?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.with(config, options), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
  });
  app.enableShutdownHooks();
  return app;
}
