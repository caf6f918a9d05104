import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { Public, ROLES_KEY } from '../../platform/http/public.decorator.js';
import { Role } from '../users/entities/user.entity.js';
import { SessionScope } from './entities/app-session.entity.js';
import type { AuthContext } from './auth-context.js';

export { Public, PUBLIC_KEY, ROLES_KEY } from '../../platform/http/public.decorator.js';

export const SCOPES_KEY = 'parley:scopes';
export const TICKET_KEY = 'parley:ticket';
/** The security scheme of `?ticket=` in the OpenAPI document. */
export const TICKET_SCHEME = 'ticket';
export const OPTIONAL_AUTH_KEY = 'parley:optional-auth';

export const ALL_SCOPES = [SessionScope.Onboarding, SessionScope.PendingConsent, SessionScope.Full];

/** The session scopes a route answers in. Routes without it need FULL. */
export const Scopes = (...scopes: SessionScope[]) => SetMetadata(SCOPES_KEY, scopes);

/** Answers in every scope (profile, consent, sign-out: what it takes to reach FULL). */
export const AnyScope = () => Scopes(...ALL_SCOPES);

export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Besides the Authorization header, the route takes `?ticket=`, minted for the
 * resource its `@Access` names (browsers' EventSource cannot send headers).
 * Scope and resource access are checked as for a token; the ticket only stands
 * in for the header.
 */
export const AcceptsTicket = () =>
  applyDecorators(SetMetadata(TICKET_KEY, true), ApiSecurity(TICKET_SCHEME));

/**
 * Public, but a caller who sends a bearer token is authenticated (any scope) and
 * gets `OptionalUser()`; a token that does not verify still answers 401.
 */
export const OptionalAuth = () => applyDecorators(Public(), SetMetadata(OPTIONAL_AUTH_KEY, true));

/** The caller on an `OptionalAuth()` route, or null when anonymous. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthContext | null =>
    ctx.switchToHttp().getRequest<{ user?: AuthContext }>().user ?? null,
);

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthContext => {
    const req = ctx.switchToHttp().getRequest<{ user?: AuthContext }>();
    if (!req.user) throw new Error('CurrentUser used on a public route');
    return req.user;
  },
);
