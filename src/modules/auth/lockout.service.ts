import { Injectable } from '@nestjs/common';
import { SecretsService } from '../../platform/config/secrets.service.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
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
    private readonly attempts: LoginAttemptsRepository,
    private readonly secrets: SecretsService,
  ) {}

  accountKey(email: string): string {
    return hmac(this.secrets.urlSigningKey, `login:${email.trim().toLowerCase()}`);
  }

  /** Throws 429 with Retry-After while the account or the address is locked. */
  async assertAllowed(accountKey: string, ip: string): Promise<void> {
    const { account, address } = await this.attempts.recentFailures(accountKey, ip, WINDOW_MINUTES);
    const now = Date.now();
    const waits = [
      remaining(account.last, lockSeconds(account.failures, ACCOUNT_FREE_FAILURES), now),
      remaining(address.last, lockSeconds(address.failures, IP_FREE_FAILURES), now),
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
    await this.attempts.insert(accountKey, ip, succeeded, blocked);
  }
}

function remaining(last: Date | null, lockFor: number, now: number): number {
  if (!last || lockFor === 0) return 0;
  return Math.max(0, Math.ceil((new Date(last).getTime() + lockFor * 1000 - now) / 1000));
}
