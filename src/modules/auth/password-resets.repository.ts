import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { PasswordResetAttempt, PasswordResetToken } from './entities/password-reset.entity.js';

/** Reset tokens (stored as SHA-256) and the attempts to use them. */
@Injectable()
export class PasswordResetsRepository {
  constructor(
    @InjectRepository(PasswordResetToken) private readonly tokens: Repository<PasswordResetToken>,
    @InjectRepository(PasswordResetAttempt)
    private readonly attempts: Repository<PasswordResetAttempt>,
  ) {}

  async insertToken(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.tokens.insert({ id: uuidv7(), userId, tokenHash, expiresAt, usedAt: null });
  }

  async isLive(tokenHash: string): Promise<boolean> {
    const rows = (await this.tokens.query(
      `SELECT 1 FROM app.password_reset_tokens
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Marks a live token used and returns its user. The conditional UPDATE is
   * what makes the token single use, even when raced.
   */
  async useIfLive(tokenHash: string, manager: EntityManager): Promise<string | null> {
    const [rows] = (await manager.query(
      `UPDATE app.password_reset_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id AS "userId"`,
      [tokenHash],
    )) as [{ userId: string }[], number];
    return rows[0]?.userId ?? null;
  }

  /** Uses up every other token the user still holds. */
  async useAllOfUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE app.password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
  }

  async insertAttempt(ip: string, succeeded: boolean): Promise<void> {
    await this.attempts.insert({ id: uuidv7(), ip, succeeded });
  }

  /** Failed attempts from the address in the last `windowMinutes`, and when the oldest was. */
  async recentFailures(
    ip: string,
    windowMinutes: number,
  ): Promise<{ failures: number; oldest: Date | null }> {
    const [row] = (await this.attempts.query(
      `SELECT count(*)::int AS failures, min(created_at) AS oldest FROM app.password_reset_attempts
        WHERE ip = $1 AND NOT succeeded AND created_at > now() - make_interval(mins => $2)`,
      [ip, windowMinutes],
    )) as { failures: number; oldest: Date | null }[];
    return row!;
  }
}
