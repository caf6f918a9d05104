import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SecretsService } from '../../platform/config/secrets.service.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { LoginAttempt } from './entities/login-attempt.entity.js';
import { hmac } from './token-hash.js';

const WINDOW_MINUTES = 15;
/** Failures allowed before the account locks; every further failure doubles the wait. */
const ACCOUNT_FREE_FAILURES = 5;
const IP_FREE_FAILURES = 30;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 3600;

export function lockSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(BASE_LOCK_SECONDS * 2 ** (failures - free), MAX_LOCK_SECONDS);
}

/**
 * Sliding-window lockout per account and per client address, with a growing
 * backoff. Every attempt is recorded; the account is a keyed hash of the email,
 * so probing unknown addresses leaves no addresses behind.
 */
@Injectable()
export class LockoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretsService,
  ) {}

  accountKey(email: string): string {
    return hmac(this.secrets.urlSigningKey, `login:${email.trim().toLowerCase()}`);
  }

  /** Throws 429 with Retry-After while the account or the address is locked. */
  async assertAllowed(accountKey: string, ip: string): Promise<void> {
    // An account's count restarts at its last success; an address's does not.
    const [row] = (await this.dataSource.query(
      `WITH account AS (
         SELECT count(*)::int AS failures, max(created_at) AS last FROM app.login_attempts
          WHERE account_key = $1 AND NOT succeeded AND NOT blocked AND created_at > now() - make_interval(mins => $3)
            AND created_at > coalesce((SELECT max(created_at) FROM app.login_attempts
                                        WHERE account_key = $1 AND succeeded), '-infinity')
       ), address AS (
         SELECT count(*)::int AS failures, max(created_at) AS last FROM app.login_attempts
          WHERE ip = $2 AND NOT succeeded AND NOT blocked AND created_at > now() - make_interval(mins => $3)
       )
       SELECT account.failures AS account_failures, account.last AS account_last,
              address.failures AS ip_failures, address.last AS ip_last
         FROM account, address`,
      [accountKey, ip, WINDOW_MINUTES],
    )) as {
      account_failures: number;
      account_last: Date | null;
      ip_failures: number;
      ip_last: Date | null;
    }[];
    const now = Date.now();
    const waits = [
      remaining(row!.account_last, lockSeconds(row!.account_failures, ACCOUNT_FREE_FAILURES), now),
      remaining(row!.ip_last, lockSeconds(row!.ip_failures, IP_FREE_FAILURES), now),
    ];
    const wait = Math.max(...waits);
    if (wait > 0) {
      // Recorded for the audit trail; not a failure, so hammering a lock does not lengthen it.
      await this.record(accountKey, ip, false, true);
      throw new DomainError(
        ErrorCode.AccountLocked,
        'Too many failed sign-in attempts; try again later.',
        { retry_after: wait },
        { 'Retry-After': String(wait) },
      );
    }
  }

  async record(accountKey: string, ip: string, succeeded: boolean, blocked = false): Promise<void> {
    await this.dataSource
      .getRepository(LoginAttempt)
      .insert({ id: uuidv7(), accountKey, ip, succeeded, blocked });
  }
}

function remaining(last: Date | null, lockFor: number, now: number): number {
  if (!last || lockFor === 0) return 0;
  return Math.max(0, Math.ceil((new Date(last).getTime() + lockFor * 1000 - now) / 1000));
}
