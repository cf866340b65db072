import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError, TypeORMError } from 'typeorm';
import { ErrorBodyDto } from './error-body.js';
import { DomainError, ErrorCode } from './domain-error.js';
import { ReplayedError } from '../idempotency/replayed-error.js';

/** Exhaustive mapping from domain error codes to HTTP statuses. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.InvalidCredentials:
    case ErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case ErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case ErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case ErrorCode.Unavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

const HTTP_DEFAULTS: Record<number, [ErrorCode | string, string]> = {
  400: [ErrorCode.ValidationFailed, '请求格式不正确'],
  401: [ErrorCode.Unauthenticated, '请先登录'],
  403: [ErrorCode.Forbidden, '没有权限执行此操作'],
  404: [ErrorCode.NotFound, '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方法'],
  409: [ErrorCode.Conflict, '与现有数据冲突'],
  413: [ErrorCode.PayloadTooLarge, '提交的内容过大'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  429: [ErrorCode.RateLimited, '操作过于频繁，请稍后再试'],
  503: [ErrorCode.Unavailable, '服务暂时不可用，请稍后再试'],
};

const CONNECTION_ERRORS = /ECONNREFUSED|ETIMEDOUT|ECONNRESET|Connection terminated|terminating connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

/** Maps every thrown thing to the common error body. Bad input never becomes a 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode === 503) res.setHeader('Retry-After', '5');
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBodyDto {
    if (exception instanceof ReplayedError) return exception.body;
    if (exception instanceof DomainError) {
      const { errors, ...details } = exception.details ?? {};
      return {
        statusCode: statusOf(exception.code),
        code: exception.code,
        message: exception.message,
        ...(errors ? { errors } : {}),
        ...(Object.keys(details).length ? { details } : {}),
      };
    }
    if (exception instanceof HttpException) return this.fromHttp(exception.getStatus(), exception.message);
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) return this.fromHttp(parserStatus, '');
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (pgCode === '23505') return { statusCode: 409, code: ErrorCode.Conflict, message: '与现有数据冲突（重复）' };
      if (pgCode === '22P02' || pgCode === '22001' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008' || pgCode === '22021') {
        return { statusCode: 400, code: ErrorCode.ValidationFailed, message: '提交的数据格式不正确' };
      }
      if (pgCode?.startsWith('08') || pgCode === '57P01' || pgCode === '57P03') return this.unavailable();
    }
    // The search port's errors, known by name (the platform sits below the search lib): a query the engine refuses is
    // the caller's to fix; an engine that is away or an index still being built is a temporary outage.
    const name = exception instanceof Error ? exception.name : '';
    if (name === 'SearchQueryError') {
      return { statusCode: 400, code: ErrorCode.ValidationFailed, message: `搜索条件无效：${(exception as Error).message}` };
    }
    if (name === 'SearchEngineError' || name === 'SearchIndexNotFoundError') return this.unavailable();
    // A connection the server refused or ended (pg's DatabaseError at FATAL: database not accepting connections, too
    // many connections, shut down by an administrator): the database is away for now, not the request at fault.
    const pgError = exception as { severity?: unknown; code?: unknown } | null;
    if (pgError && (pgError.severity === 'FATAL' || pgError.code === '53300' || /^57P0[123]$/.test(String(pgError.code ?? '')))) {
      return this.unavailable();
    }
    const message = exception instanceof Error ? exception.message : '';
    if (CONNECTION_ERRORS.test(message) || (exception instanceof TypeORMError && CONNECTION_ERRORS.test(message))) {
      return this.unavailable();
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后再试' };
  }

  private unavailable(): ErrorBodyDto {
    return { statusCode: 503, code: ErrorCode.Unavailable, message: '服务暂时不可用，请稍后再试' };
  }

  private fromHttp(statusCode: number, message: string): ErrorBodyDto {
    const [code, fallback] = HTTP_DEFAULTS[statusCode] ?? ['HTTP_ERROR', message];
    // Body-parser errors (malformed JSON, too large) arrive as HttpExceptions; their English text is replaced.
    return { statusCode, code, message: fallback };
  }
}

/** express body-parser errors (malformed JSON, body too large, bad charset) carry `status` and `type`. */
function bodyParserStatus(exception: unknown): number | undefined {
  const e = exception as { status?: unknown; type?: unknown } | null;
  if (e && typeof e.status === 'number' && typeof e.type === 'string' && e.type.startsWith('entity.')) return e.status;
  if (e && typeof e.status === 'number' && typeof e.type === 'string' && e.type.startsWith('charset.')) return 415;
  return undefined;
}
