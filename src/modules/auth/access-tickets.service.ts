import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { SecretsService } from '../../platform/config/secrets.service.js';
import type { AuthContext } from './auth-context.js';
import { JwtStrategy } from './jwt.strategy.js';
import { refused, TicketSigner } from './ticket-signer.js';

/**
 * Tickets for routes a browser opens without an Authorization header (an
 * EventSource on a stream's events): minted by an authenticated call for one
 * resource, redeemed once per request in place of the access token.
 */
@Injectable()
export class AccessTicketsService {
  private readonly signer: TicketSigner;
  private readonly ttlMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    secrets: SecretsService,
    private readonly strategy: JwtStrategy,
  ) {
    this.signer = new TicketSigner(secrets.ticketSigningKey);
    this.ttlMs = config.env.STREAM_TICKET_TTL_SECONDS * 1000;
  }

  /** The route's access check has run: `user` may read the resource. */
  mint(user: AuthContext, kind: string, resourceId: string): { ticket: string; expiresAt: Date } {
    const { ticket, expMs } = this.signer.sign(
      {
        kind,
        resourceId,
        userId: user.userId,
        sessionId: user.sessionId,
        jti: user.jti,
      },
      this.ttlMs,
    );
    return { ticket, expiresAt: new Date(expMs) };
  }

  /**
   * The caller a ticket stands for, or a 401. The session is asked now, as for
   * an access token: signed out, revoked, expired, a password changed or an
   * account disabled since the ticket was minted all end it.
   */
  async redeem(ticket: string, kind: string, resourceId: string): Promise<AuthContext> {
    const grant = this.signer.verify(ticket, kind, resourceId);
    const user = await this.strategy.resolve({
      sub: grant.userId,
      sid: grant.sessionId,
      jti: grant.jti,
      iat: grant.iat,
      exp: Math.ceil(grant.expMs / 1000),
    });
    if (!user) throw refused('The session this ticket was minted in has ended.');
    return user;
  }
}
