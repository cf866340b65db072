import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { Public } from '../auth/decorators.js';
import { InjectRedis } from '../redis/redis.module.js';

/** Something else (the search lib) that can say whether it is up. */
export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}
export const READINESS_PROBES = Symbol('READINESS_PROBES');

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @InjectRedis() private readonly redis: Redis,
    @Optional() @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[] = [],
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database, Redis and search answer' })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const redis = this.indicator.check('redis');
        try {
          const pong = await this.redis.ping();
          return pong === 'PONG' ? redis.up() : redis.down({ message: pong });
        } catch (error) {
          return redis.down({ message: (error as Error).message });
        }
      },
      ...(this.probes ?? []).map((probe) => async () => {
        const result = this.indicator.check(probe.name);
        const { ok, detail } = await probe.check().catch((e: Error) => ({ ok: false, detail: e.message }));
        return ok ? result.up({ detail }) : result.down({ message: detail });
      }),
    ]);
  }
}
