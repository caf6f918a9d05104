import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { LoginAttempt } from './entities/login-attempt.entity.js';

/** Failures counted in a window, and the time of the latest one. */
export interface FailureCount {
  failures: number;
  last: Date | null;
}

@Injectable()
export class LoginAttemptsRepository {
  constructor(
    @InjectRepository(LoginAttempt) private readonly attempts: Repository<LoginAttempt>,
  ) {}

  async insert(
    scope: string,
    accountKey: string,
    ip: string,
    succeeded: boolean,
    blocked: boolean,
  ): Promise<void> {
    await this.attempts.insert({ id: uuidv7(), scope, accountKey, ip, succeeded, blocked });
  }

  /**
   * Failures of the last `windowMinutes` in one lockout space, in one statement:
   * of the account since its last success (a success restarts its count), and
   * of the address. Attempts refused while locked are not failures.
   */
  async recentFailures(
    scope: string,
    accountKey: string,
    ip: string,
    windowMinutes: number,
  ): Promise<{ account: FailureCount; address: FailureCount }> {
    const [row] = (await this.attempts.query(
      `WITH account AS (
         SELECT count(*)::int AS failures, max(created_at) AS last FROM app.login_attempts
          WHERE account_key = $1 AND scope = $4 AND NOT succeeded AND NOT blocked
            AND created_at > now() - make_interval(mins => $3)
            AND created_at > coalesce((SELECT max(created_at) FROM app.login_attempts
                                        WHERE account_key = $1 AND scope = $4 AND succeeded), '-infinity')
       ), address AS (
         SELECT count(*)::int AS failures, max(created_at) AS last FROM app.login_attempts
          WHERE ip = $2 AND scope = $4 AND NOT succeeded AND NOT blocked
            AND created_at > now() - make_interval(mins => $3)
       )
       SELECT account.failures AS account_failures, account.last AS account_last,
              address.failures AS ip_failures, address.last AS ip_last
         FROM account, address`,
      [accountKey, ip, windowMinutes, scope],
    )) as {
      account_failures: number;
      account_last: Date | null;
      ip_failures: number;
      ip_last: Date | null;
    }[];
    return {
      account: { failures: row!.account_failures, last: row!.account_last },
      address: { failures: row!.ip_failures, last: row!.ip_last },
    };
  }
}
