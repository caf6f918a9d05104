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

/** RFC 6750: the scheme, spaces, one b64token, nothing after it. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The bearer token of a request: the one reading of the header, for the
 * remembered-verification path and passport alike. Anything after the token
 * makes the header no bearer header at all.
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  return BEARER.exec(authorization)?.[1];
}
