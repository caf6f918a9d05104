import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { User } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AuthService, type IssuedTokens } from './auth.service.js';
import type { SessionOrigin } from './entities/app-session.entity.js';
import type { SessionCapabilities } from './request-context.js';

/** Asymmetric algorithms only: an HMAC or `none` token can never pass as an IdP's. */
const ID_TOKEN_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

interface Provider {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export interface ExternalProfile {
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

/** Sign-in with an external identity: verified OIDC ID tokens, or a trusted client's word. */
@Injectable()
export class IdpService {
  private readonly providers = new Map<string, Provider>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {
    for (const idp of config.env.IDENTITY_PROVIDERS) {
      this.providers.set(idp.name, {
        issuer: idp.issuer,
        audience: idp.audience,
        // jose caches the remote key set and refetches it when an unknown `kid` appears.
        keys: idp.jwks_url
          ? createRemoteJWKSet(new URL(idp.jwks_url))
          : createLocalJWKSet(idp.jwks as never),
      });
    }
  }

  async loginWithIdToken(
    idp: string,
    idToken: string,
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
    mergeFrom?: string,
  ): Promise<IssuedTokens> {
    const provider = this.providers.get(idp);
    if (!provider)
      throw new DomainError(
        ErrorCode.UnknownIdentityProvider,
        `No identity provider named "${idp}".`,
      );
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(idToken, provider.keys, {
        issuer: provider.issuer,
        audience: provider.audience,
        algorithms: ID_TOKEN_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw new DomainError(ErrorCode.InvalidToken, 'The ID token could not be verified.');
    }
    const sub = claims.sub as string;
    const profile: ExternalProfile = {
      email: typeof claims.email === 'string' ? claims.email : undefined,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name.slice(0, 200) : undefined,
    };
    return this.loginByLoginId(idp, sub, profile, origin, capabilities, mergeFrom);
  }

  /** The user linked to (idp, loginId), created with the link on first sign-in. */
  async loginByLoginId(
    idp: string,
    loginId: string,
    profile: ExternalProfile,
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
    mergeFrom?: string,
  ): Promise<IssuedTokens> {
    const user =
      (await this.users.findByIdpLogin(idp, loginId)) ??
      (await this.firstLogin(idp, loginId, profile));
    return this.auth.signInExternal(user, origin, capabilities, mergeFrom);
  }

  private async firstLogin(idp: string, loginId: string, profile: ExternalProfile): Promise<User> {
    const created = await this.dataSource
      .transaction(async (manager) => {
        // An unverified address, or one another account holds, is not ours to claim.
        const email =
          profile.email &&
          profile.emailVerified &&
          !(await this.users.emailExists(profile.email, manager))
            ? profile.email
            : null;
        const user = await this.users.createExternal(
          { email, name: profile.name ?? null },
          manager,
        );
        if (!(await this.users.linkIdp(idp, loginId, user.id, manager))) {
          // A concurrent first sign-in linked this identity first: undo ours, use theirs.
          throw new LostRace();
        }
        return user;
      })
      .catch((err: unknown) => {
        if (err instanceof LostRace) return null;
        throw err;
      });
    if (created) return created;
    const winner = await this.users.findByIdpLogin(idp, loginId);
    if (!winner)
      throw new DomainError(ErrorCode.InvalidToken, 'The identity could not be linked; retry.');
    return winner;
  }
}

class LostRace extends Error {}
