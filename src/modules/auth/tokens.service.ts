import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { SecretsService } from '../../platform/config/secrets.service.js';
import { uuidv7 } from '../../platform/database/uuid.js';

export interface AccessToken {
  token: string;
  jti: string;
  expiresIn: number;
  exp: number;
}

/** Short-lived ES256 access tokens. Scope is not a claim: the guard reads the live session. */
@Injectable()
export class TokensService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: SecretsService,
  ) {}

  get publicKeyPem(): string {
    return this.secrets.jwt.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  async issueAccess(userId: string, sessionId: string): Promise<AccessToken> {
    const { privateKey, kid, algorithm } = this.secrets.jwt;
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = this.config.env.JWT_ACCESS_TTL_SECONDS;
    const jti = uuidv7();
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: algorithm, kid, typ: 'JWT' })
      .setSubject(userId)
      .setJti(jti)
      .setIssuer(this.config.env.JWT_ISSUER)
      .setAudience(this.config.env.JWT_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(privateKey);
    return { token, jti, expiresIn, exp: now + expiresIn };
  }
}
