/**
 * The yardstick: a bare NestJS app — the same @nestjs/core and @nestjs/platform-express as the API, one module, one
 * controller answering GET /bare with a small JSON — in its own process, listening on 127.0.0.1. No guard, pipe,
 * interceptor, helmet or database: what Nest and Express cost by themselves on this machine. Measured the same way
 * as the API (server-stats.ts, the same timing middleware).
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { instrument, runChild } from './server-stats.js';

@Controller()
class BareController {
  @Get('bare')
  bare(): { ok: boolean; service: string; at: number } {
    return { ok: true, service: 'bare', at: Date.now() };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

runChild('bare-server', async () => {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error', 'warn'] });
  instrument(app);
  return app;
});
