import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';

/** What a ticket grants: reading one resource, as one session of one user, until `expMs`. */
export interface TicketGrant {
  kind: string;
  resourceId: string;
  userId: string;
  sessionId: string;
  /** The access token the ticket was minted with: revoking it (sign-out) ends the ticket too. */
  jti: string;
  /** When it was minted (epoch seconds): a password changed since ends the ticket. */
  iat: number;
  /** Expiry, epoch milliseconds. */
  expMs: number;
}

const VERSION = 'parley-ticket-v1';
const MAX_TICKET_CHARS = 2048;
const MAC = /^[A-Za-z0-9_-]{43}$/;
const BODY = /^[A-Za-z0-9_-]+$/;
const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer' };

/**
 * Signs and checks access tickets. A ticket is a signed token rather than a
 * random secret stored hashed: HMAC-SHA256 over the resource, the user, the
 * session (and access token) it was minted with and its expiry binds all of
 * them without a shared store or a write per ticket, so any instance accepts
 * it; and since nothing is consumed, an EventSource's automatic reconnects
 * (the same URL) keep working while it lives. What a signature cannot say,
 * whether the session is still live, is checked on every use. The clock is
 * injectable so tests can stand on either side of an expiry.
 */
export class TicketSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('The ticket signing key must be at least 32 bytes');
  }

  sign(
    grant: Omit<TicketGrant, 'iat' | 'expMs'>,
    ttlMs: number,
  ): { ticket: string; expMs: number } {
    const now = this.now();
    const expMs = now + ttlMs;
    // JSON keeps the fields apart: no value can bleed into its neighbour.
    const body = Buffer.from(
      JSON.stringify([
        VERSION,
        grant.kind,
        grant.resourceId,
        grant.userId,
        grant.sessionId,
        grant.jti,
        Math.floor(now / 1000),
        expMs,
      ]),
    ).toString('base64url');
    return { ticket: `${body}.${this.mac(body)}`, expMs };
  }

  /**
   * The grant of a ticket for this resource, or a 401: altered, for another
   * resource, or expired. Expiry is judged only after the signature, so an
   * altered expiry reads as tampering.
   */
  verify(ticket: string, kind: string, resourceId: string): TicketGrant {
    const dot = ticket.indexOf('.');
    const body = ticket.slice(0, dot);
    const mac = ticket.slice(dot + 1);
    if (ticket.length > MAX_TICKET_CHARS || dot < 0 || !BODY.test(body) || !MAC.test(mac)) {
      throw refused('This ticket is not valid.');
    }
    const expected = Buffer.from(this.mac(body));
    if (!timingSafeEqual(Buffer.from(mac), expected)) throw refused('This ticket is not valid.');
    const grant = parse(body);
    if (!grant) throw refused('This ticket is not valid.');
    if (grant.kind !== kind || grant.resourceId !== resourceId) {
      throw refused(`This ticket is for another ${kind}.`);
    }
    if (this.now() >= grant.expMs) throw refused('This ticket has expired; mint a new one.');
    return grant;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function parse(body: string): TicketGrant | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields.length !== 8 || fields[0] !== VERSION) return undefined;
  const [, kind, resourceId, userId, sessionId, jti, iat, expMs] = fields as unknown[];
  const strings = [kind, resourceId, userId, sessionId, jti];
  if (!strings.every((s) => typeof s === 'string') || typeof iat !== 'number') return undefined;
  if (typeof expMs !== 'number') return undefined;
  return {
    kind: kind as string,
    resourceId: resourceId as string,
    userId: userId as string,
    sessionId: sessionId as string,
    jti: jti as string,
    iat,
    expMs,
  };
}

export function refused(detail: string): DomainError {
  return new DomainError(ErrorCode.InvalidToken, detail, {}, UNAUTHORIZED_HEADERS);
}
