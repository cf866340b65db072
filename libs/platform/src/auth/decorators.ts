import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthUser } from './auth-user.js';
import { ALL_ROLES, Role } from './roles.js';

export const ACCESS_RULE = 'daogang:access-rule';
export type AccessRule = { public: true } | { public: false; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
/** Only these roles. Every route carries @Public, @Roles or @Authenticated — a route with none is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { public: false, roles } satisfies AccessRule);
/** Any signed-in user; the service scopes what they see. */
export const Authenticated = () => Roles(...ALL_ROLES);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
