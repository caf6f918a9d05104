import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { Role } from '../users/entities/user.entity.js';
import type { AuthContext } from './auth-context.js';
import { OPTIONAL_AUTH_KEY, PUBLIC_KEY, ROLES_KEY, SCOPES_KEY } from './auth.decorators.js';
import { SessionScope } from './entities/app-session.entity.js';
import { JwtStrategy } from './jwt.strategy.js';
import { bearerToken, VerifiedTokens } from './verified-tokens.js';

const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer' };

/**
 * The one global guard: every route is authenticated unless marked @Public(),
 * needs session scope FULL unless it names other scopes, and checks @Roles().
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly verified: VerifiedTokens,
    private readonly strategy: JwtStrategy,
  ) {
    super();
  }

  /** A token verified before skips the signature check; everything else is checked again. */
  private async authenticate(context: ExecutionContext): Promise<void> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthContext }>();
    const token = bearerToken(req.headers.authorization);
    const claims = token ? this.verified.lookup(token) : undefined;
    if (!claims) {
      await super.canActivate(context);
      return;
    }
    req.user = this.handleRequest(null, await this.strategy.resolve(claims)) as AuthContext;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      const req = context.switchToHttp().getRequest<Request>();
      if (
        this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets) &&
        req.headers.authorization !== undefined
      ) {
        await this.authenticate(context);
      }
      return true;
    }
    await this.authenticate(context);
    const user = context.switchToHttp().getRequest<{ user: AuthContext }>().user;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);
    // Not an admin: the admin surface does not exist for you, whatever the scope.
    if (roles?.length && !roles.some((r) => user.roles.includes(r))) {
      throw new DomainError(ErrorCode.NotFound, 'Not found');
    }
    const scopes = this.reflector.getAllAndOverride<SessionScope[]>(SCOPES_KEY, targets) ?? [
      SessionScope.Full,
    ];
    if (!scopes.includes(user.scope)) {
      throw new DomainError(
        ErrorCode.InsufficientScope,
        `This session is ${user.scope}; this route needs ${scopes.join(' or ')}.`,
        { scope: user.scope, required_scopes: scopes },
      );
    }
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err || !user) {
      throw new DomainError(
        ErrorCode.Unauthorized,
        'A valid access token is required.',
        {},
        UNAUTHORIZED_HEADERS,
      );
    }
    return user;
  }
}
