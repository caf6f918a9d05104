import { Injectable } from '@nestjs/common';
import { SecretsService } from '../../platform/config/secrets.service.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { hmac } from './token-hash.js';

const WINDOW_MINUTES = 15;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 3600;

export function lockSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(BASE_LOCK_SECONDS * 2 ** (failures - free), MAX_LOCK_SECONDS);
}

/**
 * A key space of the lockout: its attempts are counted apart from every other
 * space's, by account and (where it has a limit) by client address.
 */
export interface LockoutSpace {
  /** Stored with each attempt: the address counts only its own space's. */
  scope: string;
  /** What the account key is derived under, so no two spaces share one. */
  keyPrefix: string;
  /** Failures allowed before the account locks; every further failure doubles the wait. */
  accountFreeFailures: number;
  /** The same per client address; null: the address is not counted. */
  addressFreeFailures: number | null;
  message: string;
}

export const SIGN_IN: LockoutSpace = {
  scope: 'sign-in',
  keyPrefix: 'login',
  accountFreeFailures: 5,
  addressFreeFailures: 30,
  message: 'Too many failed sign-in attempts; try again later.',
};

/**
 * The password that confirms an account erasure: per account only (the caller
 * already holds one of its tokens), and never against the address's sign-ins.
 */
export const ERASE_CONFIRMATION: LockoutSpace = {
  scope: 'erase',
  keyPrefix: 'erase',
  accountFreeFailures: 5,
  addressFreeFailures: null,
  message: 'Too many wrong passwords; try again later.',
};

/** One space's lockout: what the callers of a password check use. */
export class Lockout {
  constructor(
    private readonly space: LockoutSpace,
    private readonly attempts: LoginAttemptsRepository,
    private readonly signingKey: Buffer,
  ) {}

  accountKey(account: string): string {
    return hmac(this.signingKey, `${this.space.keyPrefix}:${account.trim().toLowerCase()}`);
  }

  /** Throws 429 with Retry-After while the account or the address is locked. */
  async assertAllowed(accountKey: string, ip: string): Promise<void> {
    const { scope, accountFreeFailures, addressFreeFailures } = this.space;
    const { account, address } = await this.attempts.recentFailures(
      scope,
      accountKey,
      ip,
      WINDOW_MINUTES,
    );
    const now = Date.now();
    const waits = [
      remaining(account.last, lockSeconds(account.failures, accountFreeFailures), now),
    ];
    if (addressFreeFailures !== null)
      waits.push(remaining(address.last, lockSeconds(address.failures, addressFreeFailures), now));
    const wait = Math.max(...waits);
    if (wait > 0) {
      // Recorded for the audit trail; not a failure, so hammering a lock does not lengthen it.
      await this.record(accountKey, ip, false, true);
      throw new DomainError(
        ErrorCode.AccountLocked,
        this.space.message,
        { retry_after: wait },
        { 'Retry-After': String(wait) },
      );
    }
  }

  async record(accountKey: string, ip: string, succeeded: boolean, blocked = false): Promise<void> {
    await this.attempts.insert(this.space.scope, accountKey, ip, succeeded, blocked);
  }
}

/**
 * Sliding-window lockout per account and per client address, with a growing
 * backoff. Every attempt is recorded; the account is a keyed hash of the email,
 * so probing unknown addresses leaves no addresses behind. The methods here are
 * the sign-in space's; `forSpace()` gives another.
 */
@Injectable()
export class LockoutService extends Lockout {
  constructor(
    private readonly repository: LoginAttemptsRepository,
    private readonly secrets: SecretsService,
  ) {
    super(SIGN_IN, repository, secrets.urlSigningKey);
  }

  forSpace(space: LockoutSpace): Lockout {
    return new Lockout(space, this.repository, this.secrets.urlSigningKey);
  }
}

function remaining(last: Date | null, lockFor: number, now: number): number {
  if (!last || lockFor === 0) return 0;
  return Math.max(0, Math.ceil((new Date(last).getTime() + lockFor * 1000 - now) / 1000));
}
