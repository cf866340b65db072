import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import { AccessTokenService } from './access-token.service.js';
import { ACCESS_RULE, AccessRule } from './decorators.js';

/** Global guard: authenticates the bearer token and enforces the route's explicit access rule. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`route without an access rule: ${context.getClass().name}.${context.getHandler().name}`);
      throw new ForbiddenError('此接口未配置访问规则');
    }
    const request = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const token = bearerToken(request);
    if (rule.public) {
      // A public route still knows who calls when a valid token comes along (e.g. a job detail for its employer).
      if (token) request.user = await this.tokens.verify(token).catch(() => undefined);
      return true;
    }
    if (!token) throw new UnauthenticatedError();
    const user = await this.tokens.verify(token);
    request.user = user;
    if (!rule.roles.includes(user.role)) throw new ForbiddenError(ROLE_REFUSED);
    return true;
  }
}

/** The guard's refusal of a role the route does not admit (services refuse with their own reasons). */
export const ROLE_REFUSED = '您的账号角色不能使用此功能';

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return undefined;
}
