import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { sweep } from '../../platform/database/sweep.js';
import {
  DAYS_AGO,
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';

/**
 * What sign-in leaves behind: revoked token ids past the token's own expiry
 * (it could not be used anyway), sessions that ended long ago (their refresh
 * tokens cascade), spent or expired reset tokens, and old login and reset
 * attempts (the lockout looks back 15 minutes only).
 */
@Injectable()
export class AuthRetention {
  private readonly sessionDays: number;
  private readonly attemptDays: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sessionDays = config.env.RETENTION_ENDED_SESSION_DAYS;
    this.attemptDays = config.env.RETENTION_LOGIN_ATTEMPT_DAYS;
  }

  @RetentionPolicy('expired_revoked_tokens')
  expiredRevokedTokens({ dryRun }: RetentionRun): Promise<number> {
    return sweep(this.db, { table: 'app.revoked_jtis', where: 'expires_at < now()' }, dryRun);
  }

  @RetentionPolicy('ended_sessions')
  async endedSessions({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.sessionDays === 0) return null;
    return sweep(
      this.db,
      {
        table: 'app.app_sessions',
        where: `coalesce(least(revoked_at, expires_at), expires_at) < ${DAYS_AGO(1)}`,
        params: [this.sessionDays],
      },
      dryRun,
    );
  }

  @RetentionPolicy('expired_reset_tokens')
  expiredResetTokens({ dryRun }: RetentionRun): Promise<number> {
    return sweep(
      this.db,
      {
        table: 'app.password_reset_tokens',
        where: `expires_at < now() OR used_at < now() - interval '1 hour'`,
      },
      dryRun,
    );
  }

  @RetentionPolicy('old_login_attempts')
  async oldLoginAttempts({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.attemptDays === 0) return null;
    const old = { where: `created_at < ${DAYS_AGO(1)}`, params: [this.attemptDays] };
    return (
      (await sweep(this.db, { table: 'app.login_attempts', ...old }, dryRun)) +
      (await sweep(this.db, { table: 'app.password_reset_attempts', ...old }, dryRun))
    );
  }
}
