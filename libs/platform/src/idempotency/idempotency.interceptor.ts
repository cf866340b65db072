import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, SetMetadata, StreamableFile } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ConflictError, ValidationFailedError } from '../errors/domain-error.js';
import { ErrorFilter } from '../errors/error.filter.js';
import { ReplayedError } from './replayed-error.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const SKIP = 'daogang:skip-idempotency';
/** A key is 1–128 visible ASCII characters (a UUID is the usual choice). */
const KEY = /^[\x21-\x7e]{1,128}$/;
/** A request still `running` after this long is taken to have died with its process: a retry may run it again. */
const ABANDONED_AFTER = '2 minutes';

/** Routes whose answers must not be stored (they hand out credentials): login, refresh, registration… */
export const SkipIdempotency = () => SetMetadata(SKIP, true);

/**
 * `Idempotency-Key` on every POST: the first request with a key runs and its answer (status and body, a 4xx included)
 * is stored; a retry with the same key by the same caller gets the stored answer with `Idempotent-Replayed: true`;
 * the same key with a different request is refused (422-like 400); while the first is still running, a retry gets 409.
 * A 5xx is not stored, so the retry runs again. Without the header nothing changes.
 *
 * The key is recorded in its own transaction, not in the handler's: should the process die after the handler
 * committed and before the answer was stored, a retry after two minutes runs the handler again. Handlers that must
 * never run twice keep their own guard too (a unique key in their transaction, as batch offers do).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly errors = new ErrorFilter();

  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || key === undefined) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(SKIP, [context.getHandler(), context.getClass()])) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      return throwError(() => new ValidationFailedError([{ field: 'Idempotency-Key', message: '幂等键应为1至128个可见ASCII字符（建议用UUID）' }]));
    }
    const owner = req.user?.id ?? 'anonymous';
    const path = req.path.slice(0, 300);
    const hash = createHash('sha256').update(JSON.stringify([req.method, path, req.query ?? {}, req.body ?? null])).digest('hex');
    const res = context.switchToHttp().getResponse<Response>();
    // The status Nest will answer with (it sets it after the interceptors): the route's @HttpCode, else 201 for a POST.
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? HttpStatus.CREATED;

    return from(this.claim(owner, key, req.method, path, hash)).pipe(
      mergeMap((stored) => {
        if (stored) {
          res.setHeader('Idempotent-Replayed', 'true');
          if (stored.statusCode >= 400) return throwError(() => new ReplayedError(stored.response as never));
          return of(stored.response);
        }
        return next.handle().pipe(
          mergeMap((body) => {
            // A file or a stream is not kept: a retry makes it again.
            const settle = isStream(body) ? this.release(owner, key) : this.finish(owner, key, status, body ?? null);
            return from(settle).pipe(mergeMap(() => of(body)));
          }),
          catchError((error: unknown) => {
            const answer = this.errors.toBody(error);
            const settle = answer.statusCode < 500 ? this.finish(owner, key, answer.statusCode, answer) : this.release(owner, key);
            return from(settle).pipe(mergeMap(() => throwError(() => error)));
          }),
        );
      }),
    );
  }

  /** Records the key (answers undefined: run the handler) or answers the stored response; refuses a clash. */
  private async claim(owner: string, key: string, method: string, path: string, hash: string): Promise<{ statusCode: number; response: unknown } | undefined> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner, key, method, path, request_hash, state) VALUES ($1, $2, $3, $4, $5, 'running')
       ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      [owner, key, method, path, hash],
    );
    if (inserted.length) return undefined;
    const [row] = await this.dataSource.query(
      `SELECT request_hash, state, status_code, response, created_at < now() - interval '${ABANDONED_AFTER}' AS abandoned
         FROM idempotency_keys WHERE owner = $1 AND key = $2`,
      [owner, key],
    );
    if (!row) return this.claim(owner, key, method, path, hash); // purged meanwhile
    if (row.request_hash !== hash) {
      throw new ValidationFailedError([{ field: 'Idempotency-Key', message: '该幂等键已用于另一个请求；新的请求请换一个键' }]);
    }
    if (row.state === 'done') return { statusCode: row.status_code, response: row.response };
    if (row.abandoned) {
      const taken: unknown[] = await this.dataSource.query(
        `UPDATE idempotency_keys SET created_at = now() WHERE owner = $1 AND key = $2 AND state = 'running'
           AND created_at < now() - interval '${ABANDONED_AFTER}' RETURNING key`,
        [owner, key],
      );
      if (taken.length) return undefined;
    }
    throw new ConflictError('相同的请求正在处理中，请稍后再查看结果', { retryAfterSeconds: 1 });
  }

  private async finish(owner: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'done', status_code = $3, response = $4::jsonb, completed_at = now() WHERE owner = $1 AND key = $2`,
      [owner, key, statusCode, JSON.stringify(response)],
    );
  }

  private async release(owner: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE owner = $1 AND key = $2 AND state = 'running'`, [owner, key]);
  }
}

function isStream(body: unknown): boolean {
  return body instanceof StreamableFile || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown } | null)?.pipe === 'function';
}
