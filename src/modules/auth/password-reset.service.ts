import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { MAILER, type Mailer } from '../../platform/mail/mailer.port.js';
import { UsersService } from '../users/users.service.js';
import { PasswordResetsRepository } from './password-resets.repository.js';
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
    private readonly resets: PasswordResetsRepository,
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
    await this.resets.insertToken(
      user.id,
      sha256(token),
      new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000),
    );
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
    // Checked before hashing the new password, so that guessing tokens costs no hashing.
    if (!(await this.resets.isLive(hash))) return this.fail(ip);
    const passwordHash = await this.passwords.hash(newPassword);
    const userId = await this.dataSource.transaction(async (manager) => {
      const id = await this.resets.useIfLive(hash, manager);
      if (!id) return null;
      await this.users.setPassword(id, passwordHash, new Date(), manager);
      await this.resets.useAllOfUser(id, manager);
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

  private record(ip: string, succeeded: boolean): Promise<void> {
    return this.resets.insertAttempt(ip, succeeded);
  }

  private async assertAttemptsLeft(ip: string): Promise<void> {
    const { failures, oldest } = await this.resets.recentFailures(ip, RESET_WINDOW_MINUTES);
    if (failures < RESET_FAILURES_ALLOWED) return;
    // The window slides: the wait ends when the oldest counted failure leaves it.
    const wait = Math.max(
      1,
      Math.ceil((new Date(oldest!).getTime() + RESET_WINDOW_MINUTES * 60_000 - Date.now()) / 1000),
    );
    throw new DomainError(
      ErrorCode.RateLimited,
      'Too many failed reset attempts; try again later.',
      { retry_after: wait },
      { 'Retry-After': String(wait) },
    );
  }
}
