import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DomainError, ErrorCode } from '../errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { InjectRedis } from './redis.module.js';

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.RateLimited, `操作过于频繁，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds });
  }
}

/** Fixed-window counters in Redis, shared by every API replica. */
@Injectable()
export class RateLimiter {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Counts one hit on `key`; throws RateLimitedError past `limit` hits per `windowSeconds`. */
  async hit(key: string, limit: number, windowSeconds: number): Promise<void> {
    const redisKey = this.keyOf(key);
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incr(redisKey)
      .ttl(redisKey)
      .exec()) as [[null, number], [null, number]];
    if (ttl < 0) await this.redis.expire(redisKey, windowSeconds);
    if (count > limit) throw new RateLimitedError(ttl > 0 ? ttl : windowSeconds);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.keyOf(key));
  }

  private keyOf(key: string): string {
    return `${this.config.REDIS_PREFIX}:ratelimit:${key}`;
  }
}
