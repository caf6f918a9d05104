import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { newOpaqueToken, sha256 } from './token-hash.js';

export type ConsumeResult =
  | { outcome: 'ok'; sessionId: string }
  | { outcome: 'reused'; sessionId: string }
  | { outcome: 'invalid' };

/** Opaque refresh tokens: one live token per session, rotated on every use. */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(sessionId: string, expiresAt: Date, manager?: EntityManager): Promise<string> {
    const token = `${sessionId}.${newOpaqueToken()}`;
    await (manager ?? this.dataSource.manager).insert(RefreshToken, {
      id: uuidv7(),
      sessionId,
      tokenHash: sha256(token),
      expiresAt,
      usedAt: null,
    });
    return token;
  }

  /**
   * Marks the token used with one conditional UPDATE, so of two concurrent
   * refreshes exactly one wins. A token that exists but was already used is a
   * replay: the caller revokes the whole session.
   */
  async consume(token: string, manager: EntityManager): Promise<ConsumeResult> {
    const hash = sha256(token);
    const [rows] = (await manager.query(
      `UPDATE app.refresh_tokens t SET used_at = now()
         FROM app.app_sessions s
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND s.id = t.session_id AND s.revoked_at IS NULL AND s.expires_at > now()
        RETURNING t.session_id AS "sessionId"`,
      [hash],
    )) as [{ sessionId: string }[], number];
    if (rows[0]) return { outcome: 'ok', sessionId: rows[0].sessionId };
    const existing = (await manager.query(
      `SELECT session_id AS "sessionId", used_at IS NOT NULL AS used FROM app.refresh_tokens WHERE token_hash = $1`,
      [hash],
    )) as { sessionId: string; used: boolean }[];
    if (existing[0]?.used) return { outcome: 'reused', sessionId: existing[0].sessionId };
    return { outcome: 'invalid' };
  }

  get ttlMs(): number {
    return this.config.env.SESSION_TTL_DAYS * 86_400_000;
  }
}
