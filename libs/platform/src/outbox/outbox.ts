import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { InjectRedis } from '../redis/redis.module.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** Writes outbox rows inside the caller's transaction, and wakes the consumers after commit. */
@Injectable()
export class Outbox {
  private readonly logger = new Logger(Outbox.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  get channel(): string {
    return `${this.config.REDIS_PREFIX}:outbox`;
  }

  async record(manager: EntityManager, topic: string, keys: string[]): Promise<void> {
    if (!keys.length) return;
    await manager.getRepository(OutboxEvent).insert(keys.map((key) => ({ topic, key })));
  }

  /** A nudge only: consumers also poll, so a lost message (Redis away) delays but never loses an update. */
  notify(topic: string): void {
    this.redis.publish(this.channel, topic).catch((e: Error) => this.logger.warn(`outbox nudge not sent: ${e.message}`));
  }
}
