import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { ACCESS_KEY, type AccessRule } from '../../platform/access/access-rule.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { Role } from '../users/entities/user.entity.js';
import type { AuthContext } from './auth-context.js';
import { AccessTicketsService } from './access-tickets.service.js';
import {
  OPTIONAL_AUTH_KEY,
  PUBLIC_KEY,
  ROLES_KEY,
  SCOPES_KEY,
  TICKET_KEY,
} from './auth.decorators.js';
import { SessionScope } from './entities/app-session.entity.js';
import { JwtStrategy } from './jwt.strategy.js';
import { refused } from './ticket-signer.js';
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
    private readonly tickets: AccessTicketsService,
  ) {
    super();
  }

  /**
   * The caller a `?ticket=` stands for, on a route that takes one; undefined
   * when the request carries none. RFC 6750 allows one way of sending a
   * credential per request: a ticket beside an Authorization header is refused.
   */
  private async ticketUser(context: ExecutionContext): Promise<AuthContext | undefined> {
    const targets = [context.getHandler(), context.getClass()];
    if (!this.reflector.getAllAndOverride<boolean>(TICKET_KEY, targets)) return undefined;
    const req = context.switchToHttp().getRequest<Request>();
    const ticket = (req.query as Record<string, unknown>).ticket;
    if (ticket === undefined) return undefined;
    if (req.headers.authorization !== undefined) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'Send either the Authorization header or a ticket, not both.',
        { errors: [{ field: 'ticket', message: 'ticket and Authorization are exclusive' }] },
      );
    }
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) throw new Error('@AcceptsTicket() needs the @Access rule that names its resource');
    const id = req.params[rule.param];
    // A repeated `?ticket=` arrives as an array: no ticket at all.
    if (typeof ticket !== 'string' || typeof id !== 'string')
      throw refused('This ticket is not valid.');
    return this.tickets.redeem(ticket, rule.kind, id);
  }

  /** A token verified before skips the signature check; everything else is checked again. */
  private async authenticate(context: ExecutionContext): Promise<void> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthContext }>();
    const ticketUser = await this.ticketUser(context);
    if (ticketUser) {
      req.user = ticketUser;
      return;
    }
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
