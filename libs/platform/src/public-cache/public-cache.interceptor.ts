import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { map, type Observable, of } from 'rxjs';
import type { AuthUser } from '../auth/auth-user.js';
import { PublicCache } from './public-cache.js';

const RULE = 'daogang:public-cache';

export interface PublicCacheRule {
  /** The tags of this request's answer: whoever changes the data behind it invalidates one of them. */
  tags: (req: Request) => string[];
  /** Whether this answer may be kept (a degraded answer from a fallback should not be). Default: any. */
  keep?: (body: unknown) => boolean;
}

/**
 * A public GET whose anonymous answers are kept in memory (`PublicCache`) and served again until their tags change.
 * Signed-in callers always get a fresh answer (what they see may depend on who they are). Answers carry an ETag, so a
 * browser that sends If-None-Match gets a 304. `X-Cache: hit | miss` tells which.
 */
export const PublicCacheable = (rule: PublicCacheRule) =>
  applyDecorators(
    SetMetadata(RULE, rule),
    UseInterceptors(PublicCacheInterceptor),
    ApiHeader({ name: 'If-None-Match', required: false, description: '上次答复的 ETag：内容未变时答复 304，不重发内容（未登录的答复带 ETag 与 X-Cache: hit|miss）' }),
    ApiResponse({ status: 304, description: '内容未变（If-None-Match 与当前 ETag 相同）' }),
  );

@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly cache: PublicCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (!this.cache.enabled || req.method !== 'GET' || req.user) return next.handle();
    const rule = this.reflector.get<PublicCacheRule | undefined>(RULE, context.getHandler());
    if (!rule) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.originalUrl;
    const hit = res.locals[LOOKED_UP] ? undefined : this.cache.get(key);
    if (hit) return of(sendHeaders(res, hit.etag, 'hit', hit.body.toString()));
    const tags = rule.tags(req);
    const begun = this.cache.begin();
    return next.handle().pipe(
      map((body) => {
        if (body === undefined || (rule.keep && !rule.keep(body))) return body;
        const text = JSON.stringify(body);
        const stored = this.cache.set(key, tags, begun, text);
        return sendHeaders(res, stored?.etag, 'miss', text);
      }),
    );
  }
}

const LOOKED_UP = 'publicCacheLookedUp';

/**
 * Serves stored answers before Nest routes the request (after helmet and CORS, so the headers are the same): a hit then
 * costs a Map lookup instead of the guard, the pipes and the interceptors. Only answers the interceptor stored are
 * there (anonymous GETs of cacheable routes), and a request with an Authorization header always goes through Nest.
 */
export function publicCacheMiddleware(cache: PublicCache) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined || !cache.enabled) return next();
    const hit = cache.get(req.originalUrl);
    if (!hit) {
      res.locals[LOOKED_UP] = true;
      return next();
    }
    res.send(sendHeaders(res, hit.etag, 'hit', hit.body));
  };
}

/** Express's `send` keeps this Content-Type and ETag and answers 304 when the request's If-None-Match is fresh. */
function sendHeaders<B extends string | Buffer>(res: Response, etag: string | undefined, state: 'hit' | 'miss', body: B): B {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (etag) res.setHeader('ETag', etag);
  res.setHeader('X-Cache', state);
  return body;
}
