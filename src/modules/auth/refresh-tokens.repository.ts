import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  private repo(manager?: EntityManager): Repository<RefreshToken> {
    return manager ? manager.getRepository(RefreshToken) : this.tokens;
  }

  async insert(
    token: Pick<RefreshToken, 'id' | 'sessionId' | 'tokenHash' | 'expiresAt' | 'usedAt'>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).insert(token);
  }

  /**
   * Marks the token used if it and its session are live, in one conditional
   * UPDATE, so of two concurrent uses exactly one gets the session id back.
   */
  async useIfLive(tokenHash: string, manager: EntityManager): Promise<string | null> {
    const [rows] = (await manager.query(
      `UPDATE app.refresh_tokens t SET used_at = now()
         FROM app.app_sessions s
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND s.id = t.session_id AND s.revoked_at IS NULL AND s.expires_at > now()
        RETURNING t.session_id AS "sessionId"`,
      [tokenHash],
    )) as [{ sessionId: string }[], number];
    return rows[0]?.sessionId ?? null;
  }

  /** Whether a token of this hash exists and was used, whatever its session's state. */
  async findUse(
    tokenHash: string,
    manager: EntityManager,
  ): Promise<{ sessionId: string; used: boolean } | null> {
    const rows = (await manager.query(
      `SELECT session_id AS "sessionId", used_at IS NOT NULL AS used
         FROM app.refresh_tokens WHERE token_hash = $1`,
      [tokenHash],
    )) as { sessionId: string; used: boolean }[];
    return rows[0] ?? null;
  }
}
