import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createValidationPipe, loadConfig, PublicCache, publicCacheMiddleware, TextSafetyPipe } from '@daogang/platform';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import { mountQueueDashboard } from './queue-dashboard.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export interface ApiAppOptions {
  /** Runs before any middleware is installed (the load bench's timing middleware). */
  first?: (app: NestExpressApplication) => void;
}

/** Builds the API application exactly as production runs it; tests use the same function. */
export async function createApiApp(config: AppConfig = loadConfig(), options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1),
    bodyParser: true,
  });
  options.first?.(app);
  app.set('trust proxy', config.TRUST_PROXY);
  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(new TextSafetyPipe(), createValidationPipe());
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.enableCors({ origin: config.corsOrigins, credentials: true, maxAge: 600 });
  app.use(publicCacheMiddleware(app.get(PublicCache)));
  app.enableShutdownHooks();
  if (config.SWAGGER_ENABLED) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('到岗 Daogang API')
        .setDescription('东西部劳务协作：劳动力登记、岗位、匹配、输送与跟踪服务')
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
    // Every POST takes an Idempotency-Key (IdempotencyInterceptor); the auth routes ignore it.
    for (const [path, item] of Object.entries(document.paths)) {
      if (!item.post || path.startsWith('/api/auth/')) continue;
      item.post.parameters = [...(item.post.parameters ?? []), {
        name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 128 },
        description: '幂等键（建议 UUID）：重试时带同一个键，返回第一次的结果，不会重复创建（保留24小时）',
      }];
    }
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  mountQueueDashboard(app);
  return app;
}
