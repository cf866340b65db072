import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { JwtModule } from '@nestjs/jwt';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenService } from './auth/access-token.service.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { PiiCipher } from './crypto/pii-cipher.js';
import { dataSourceOptions, SchemaParts } from './database/data-source-options.js';
import { ErrorFilter } from './errors/error.filter.js';
import { HealthController } from './health/health.controller.js';
import { Outbox } from './outbox/outbox.js';
import { QueuesModule } from './queues/queues.module.js';
import { RateLimiter } from './redis/rate-limiter.js';
import { RedisModule } from './redis/redis.module.js';
import { PublicCache } from './public-cache/public-cache.js';

export interface PlatformOptions {
  schema: SchemaParts;
  /** Validated config; read from the environment when omitted. */
  config?: AppConfig;
  /** HTTP apps get the global auth guard and error filter. */
  http?: boolean;
}

/** Config, database, Redis, queues, auth plumbing and health — what every app needs, composed once. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const httpProviders: Provider[] = options.http
      ? [
          { provide: APP_GUARD, useClass: AuthGuard },
          { provide: APP_FILTER, useClass: ErrorFilter },
          { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        ]
      : [];
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => dataSourceOptions(config, options.schema),
        }),
        RedisModule,
        QueuesModule.forRoot(),
        JwtModule.register({}),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [AccessTokenService, PiiCipher, RateLimiter, Outbox, PublicCache, ...httpProviders],
      exports: [AccessTokenService, PiiCipher, RateLimiter, Outbox, PublicCache, JwtModule, QueuesModule, TypeOrmModule],
    };
  }
}
