import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { AuthContext } from '../auth/auth-context.js';
import { ERASE_CONFIRMATION, type Lockout, LockoutService } from '../auth/lockout.service.js';
import { PasswordsService } from '../auth/passwords.service.js';
import { AccountType } from '../users/entities/user.entity.js';

/**
 * What an irreversible action asks of the caller beyond a valid token: the
 * account's password, or a session that signed in recently (a refreshed token
 * of an old session is not enough: a stolen refresh token would be). A guest
 * has no credentials to present again and needs neither.
 */
@Injectable()
export class Reauthentication {
  private readonly lockout: Lockout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordsService,
    lockout: LockoutService,
  ) {
    this.lockout = lockout.forSpace(ERASE_CONFIRMATION);
  }

  /**
   * A password sent here counts against a lockout of its own, per account (429
   * with Retry-After once locked, the right password included), so a stolen
   * access token cannot guess the password through this route; sign-ins, of
   * the account or of the address, are not touched by it.
   */
  async assert(caller: AuthContext, password: string | undefined, ip: string): Promise<void> {
    if (caller.accountType === AccountType.Guest) return;
    const [row] = (await this.db.query(
      `SELECT u.password_hash AS hash, extract(epoch FROM now() - s.created_at)::float AS age
         FROM app.app_sessions s JOIN app.users u ON u.id = s.user_id WHERE s.id = $1`,
      [caller.sessionId],
    )) as { hash: string | null; age: number }[];
    if (password !== undefined) {
      const key = this.lockout.accountKey(caller.userId);
      await this.lockout.assertAllowed(key, ip);
      const ok = !!row?.hash && (await this.passwords.verify(row.hash, password));
      await this.lockout.record(key, ip, ok);
      if (ok) return;
      throw new DomainError(ErrorCode.ReauthenticationRequired, 'The password does not match.');
    }
    if (row && row.age <= this.config.env.ERASE_REAUTH_SECONDS) return;
    throw new DomainError(
      ErrorCode.ReauthenticationRequired,
      `Send the password, or sign in again: this session signed in more than ${this.config.env.ERASE_REAUTH_SECONDS} seconds ago.`,
    );
  }
}
