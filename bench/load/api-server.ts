/**
 * The real API in its own process (createApiApp, exactly as production builds it, with the bench's config) on the
 * bench's database, listening on 127.0.0.1. At start IndexSync builds the jobs and workers indexes and the match index
 * loads every worker from PostgreSQL. Measures itself for the parent (server-stats.ts); statements are counted by
 * wrapping pg's Client.query, the one path TypeORM sends them through.
 */
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { benchConfig } from './config.js';
import { instrument, runChild } from './server-stats.js';

let statements = 0;
let texts = new Map<string, number>();
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === 'string' ? first : first?.text;
  if (text) {
    const key = text.slice(0, 140).replace(/\s+/g, ' ').slice(0, 100);
    texts.set(key, (texts.get(key) ?? 0) + 1);
  }
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;
const topStatements = {
  reset: () => void (texts = new Map()),
  top: (n: number) => [...texts].sort((a, b) => b[1] - a[1]).slice(0, n).map(([sql, count]) => ({ sql, n: count })),
};

runChild('api-server', async () => {
  Logger.overrideLogger(['warn', 'error']);
  return createApiApp(benchConfig(), {
    // First, before helmet and the public cache, so that every answer is timed.
    first: (created) => instrument(created, {
      statements: () => statements,
      topStatements,
      pool: () => (created.get<DataSource>(getDataSourceToken()).driver as unknown as { master: { waitingCount: number; totalCount: number; idleCount: number } }).master,
    }),
  });
});
