import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { SecretsService } from '../../platform/config/secrets.service.js';
import type { AuthContext } from './auth-context.js';
import { RevocationService } from './revocation.service.js';
import { SessionsService } from './sessions.service.js';
import { bearerToken, VerifiedTokens, type AccessClaims } from './verified-tokens.js';

/**
 * Verifies access tokens (ES256 only, issuer and audience checked, expiry
 * enforced), then asks the live session: revoked, expired, or a user who can
 * no longer sign in all fail, whatever the token says.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    secrets: SecretsService,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
    private readonly verified: VerifiedTokens,
  ) {
    super({
      // Not ExtractJwt.fromAuthHeaderAsBearerToken: it reads `Bearer <token> junk` as a token.
      jwtFromRequest: (req: Request) => bearerToken(req.headers.authorization) ?? null,
      // A KeyObject, not PEM: the verifier would otherwise parse the key on every request.
      secretOrKey: secrets.jwt.publicKey as unknown as string,
      algorithms: ['ES256'],
      issuer: config.env.JWT_ISSUER,
      audience: config.env.JWT_AUDIENCE,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /** Called by passport after the signature and claims checked out. */
  async validate(req: Request, claims: AccessClaims): Promise<AuthContext | false> {
    const token = bearerToken(req.headers.authorization);
    if (token) this.verified.remember(token, claims);
    return this.resolve(claims);
  }

  /** The caller, from verified claims: revocation and the live session decide. */
  async resolve(claims: AccessClaims): Promise<AuthContext | false> {
    if (!claims.sub || !claims.sid || !claims.jti || !claims.exp || !claims.iat) return false;
    if (await this.revocation.isRevoked(claims.jti)) return false;
    const state = await this.sessions.state(claims.sid);
    if (
      !state ||
      state.revoked ||
      !state.userActive ||
      state.userId !== claims.sub ||
      new Date(state.expiresAt).getTime() <= Date.now() ||
      (state.passwordChangedAt !== null && claims.iat < state.passwordChangedAt)
    ) {
      return false;
    }
    return {
      userId: state.userId,
      sessionId: state.id,
      scope: state.scope,
      roles: state.roles,
      accountType: state.accountType,
      jti: claims.jti,
      exp: claims.exp,
    };
  }
}
