/**
 * The yardstick: a bare NestJS app — the same @nestjs/core and @nestjs/platform-express as the API, one module, one
 * controller answering GET /bare with a small JSON — in its own process, listening on 127.0.0.1. No guard, pipe,
 * interceptor, helmet or database: what Nest and Express cost by themselves on this machine. Measured the same way
 * as the API (server-stats.ts, the same timing middleware).
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { instrument } from './server-stats.js';

@Controller()
class BareController {
  @Get('bare')
  bare(): { ok: boolean; service: string; at: number } {
    return { ok: true, service: 'bare', at: Date.now() };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bare-server is started by bench/load/run.js');
  const started = performance.now();
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error', 'warn'] });
  instrument(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.send({ type: 'ready', port, bootMs: performance.now() - started });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
