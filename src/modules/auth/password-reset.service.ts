import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { MAILER, type Mailer } from '../../platform/mail/mailer.port.js';
import { UsersService } from '../users/users.service.js';
import { PasswordResetAttempt, PasswordResetToken } from './entities/password-reset.entity.js';
import { PasswordsService } from './passwords.service.js';
import { SessionsService } from './sessions.service.js';
import { newOpaqueToken, sha256 } from './token-hash.js';

export const RESET_TOKEN_TTL_MINUTES = 30;
/** Failed resets allowed per client address in the window before it must wait. */
const RESET_FAILURES_ALLOWED = 10;
const RESET_WINDOW_MINUTES = 15;

/** Forgot / reset: single-use, expiring tokens, delivered by the mailer, stored as SHA-256. */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly sessions: SessionsService,
  ) {}

  /** Answers the same whether or not the account exists; only a real account gets mail. */
  async forgot(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user?.email || !user.passwordHash || user.disabledAt) return;
    const token = newOpaqueToken();
    await this.dataSource.getRepository(PasswordResetToken).insert({
      id: uuidv7(),
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000),
      usedAt: null,
    });
    await this.mailer.send({
      to: user.email,
      template: 'password-reset',
      subject: 'Reset your Parley password',
      text:
        `Someone asked to reset the password of this Parley account.\n\n` +
        `Reset code: ${token}\n\n` +
        `It works once, within ${RESET_TOKEN_TTL_MINUTES} minutes. If it was not you, ignore this message.`,
    });
  }

  /** Sets the new password and ends every session of the account. */
  async reset(token: string, newPassword: string, ip: string): Promise<void> {
    await this.assertAttemptsLeft(ip);
    const hash = sha256(token);
    const live = (await this.dataSource.query(
      `SELECT user_id FROM app.password_reset_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [hash],
    )) as unknown[];
    if (live.length === 0) return this.fail(ip);
    const passwordHash = await this.passwords.hash(newPassword);
    const userId = await this.dataSource.transaction(async (manager) => {
      // The conditional UPDATE is what makes the token single use, even when raced.
      const [rows] = (await manager.query(
        `UPDATE app.password_reset_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id AS "userId"`,
        [hash],
      )) as [{ userId: string }[], number];
      const id = rows[0]?.userId;
      if (!id) return null;
      await this.users.setPassword(id, passwordHash, new Date(), manager);
      await manager.query(
        `UPDATE app.password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
        [id],
      );
      return id;
    });
    if (!userId) return this.fail(ip);
    await this.record(ip, true);
    await this.sessions.revokeAll(userId);
  }

  private async fail(ip: string): Promise<never> {
    await this.record(ip, false);
    throw new DomainError(
      ErrorCode.InvalidResetToken,
      'The reset token is invalid, used or expired.',
    );
  }

  private async record(ip: string, succeeded: boolean): Promise<void> {
    await this.dataSource
      .getRepository(PasswordResetAttempt)
      .insert({ id: uuidv7(), ip, succeeded });
  }

  private async assertAttemptsLeft(ip: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS failures, min(created_at) AS oldest FROM app.password_reset_attempts
        WHERE ip = $1 AND NOT succeeded AND created_at > now() - make_interval(mins => $2)`,
      [ip, RESET_WINDOW_MINUTES],
    )) as { failures: number; oldest: Date | null }[];
    if (row!.failures < RESET_FAILURES_ALLOWED) return;
    // The window slides: the wait ends when the oldest counted failure leaves it.
    const wait = Math.max(
      1,
      Math.ceil(
        (new Date(row!.oldest!).getTime() + RESET_WINDOW_MINUTES * 60_000 - Date.now()) / 1000,
      ),
    );
    throw new DomainError(
      ErrorCode.RateLimited,
      'Too many failed reset attempts; try again later.',
      { retry_after: wait },
      { 'Retry-After': String(wait) },
    );
  }
}
