import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { newOpaqueToken, sha256 } from './token-hash.js';

export type ConsumeResult =
  | { outcome: 'ok'; sessionId: string }
  | { outcome: 'reused'; sessionId: string }
  | { outcome: 'invalid' };

/** Opaque refresh tokens: one live token per session, rotated on every use. */
@Injectable()
export class RefreshTokensService {
  constructor(
    private readonly tokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(sessionId: string, expiresAt: Date, manager?: EntityManager): Promise<string> {
    const token = `${sessionId}.${newOpaqueToken()}`;
    await this.tokens.insert(
      { id: uuidv7(), sessionId, tokenHash: sha256(token), expiresAt, usedAt: null },
      manager,
    );
    return token;
  }

  /**
   * Uses the token up; of two concurrent refreshes exactly one wins. A token
   * that exists but was already used is a replay: the caller revokes the whole session.
   */
  async consume(token: string, manager: EntityManager): Promise<ConsumeResult> {
    const hash = sha256(token);
    const sessionId = await this.tokens.useIfLive(hash, manager);
    if (sessionId) return { outcome: 'ok', sessionId };
    const existing = await this.tokens.findUse(hash, manager);
    if (existing?.used) return { outcome: 'reused', sessionId: existing.sessionId };
    return { outcome: 'invalid' };
  }

  get ttlMs(): number {
    return this.config.env.SESSION_TTL_DAYS * 86_400_000;
  }
}
