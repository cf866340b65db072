import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { Controller, HttpCode, INestApplication, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessTokenService,
  ALL_QUEUES,
  bearerToken,
  ErrorFilter,
  ForbiddenError,
  Role,
  Roles,
  UnauthenticatedError, SkipIdempotency } from '@daogang/platform';
import type { NextFunction, Request, Response } from 'express';
import type { Queue } from 'bullmq';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
const COOKIE = 'dg_queues';

/** A browser cannot send a bearer header on navigation: an admin trades it for a short cookie scoped to the dashboard. */
@ApiTags('admin')
@ApiBearerAuth()
@SkipIdempotency() // sets a session cookie
@Controller('admin/queue-session')
export class QueueDashboardSessionController {
  @Post()
  @Roles(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: '为队列监控页面（/api/admin/queues）设置仅限该路径的会话 Cookie' })
  open(@Res({ passthrough: true }) res: Response): void {
    const token = bearerToken(res.req);
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, maxAge: 15 * 60 * 1000 });
  }
}

/** Mounts Bull Board for admins only: bearer header or the dashboard cookie. */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  const tokens = app.get(AccessTokenService);
  const filter = new ErrorFilter();
  const adminOnly = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = bearerToken(req) ?? cookieValue(req.headers.cookie, COOKIE);
      if (!token) throw new UnauthenticatedError();
      const user = await tokens.verify(token);
      if (user.role !== Role.Admin) throw new ForbiddenError();
      next();
    } catch (error) {
      const body = filter.toBody(error);
      res.status(body.statusCode).json(body);
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, serverAdapter.getRouter());
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
