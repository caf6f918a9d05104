import { Injectable } from '@nestjs/common';

export interface AccessClaims {
  sub: string;
  sid: string;
  jti: string;
  exp: number;
  iat: number;
}

const MAX_ENTRIES = 20_000;

/**
 * Access tokens whose signature, issuer and audience were verified, by their
 * exact text, until they expire. A client sends the same token on every request
 * for its whole life; checking an ECDSA signature once instead of each time is
 * most of what authentication costs. Revocation and the live session are still
 * checked on every request: only the signature check is remembered.
 */
@Injectable()
export class VerifiedTokens {
  private readonly entries = new Map<string, AccessClaims>();

  remember(token: string, claims: AccessClaims): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, claims);
  }

  /** The claims of a token verified before and not yet expired. */
  lookup(token: string, nowSeconds = Date.now() / 1000): AccessClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (claims.exp <= nowSeconds) {
      this.entries.delete(token);
      return undefined;
    }
    return claims;
  }
}

/** The bearer token of a request, as passport-jwt reads it. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1];
}
