import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import {
  DAYS_AGO,
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { AccountErasureService } from './account-erasure.service.js';

/** A guest is inactive when neither it nor any of its sessions was seen since the cutoff. */
const INACTIVE_GUEST = `u.account_type = 'guest'
  AND greatest(u.created_at, u.last_seen_at) < ${DAYS_AGO(1)}
  AND NOT EXISTS (SELECT 1 FROM app.app_sessions s
                   WHERE s.user_id = u.id AND s.last_active_at >= ${DAYS_AGO(1)})`;

const BATCH = 100;

/** Guests nobody came back to, erased as an account erase would (nothing orphaned). */
@Injectable()
export class GuestRetention {
  private readonly days: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly erasure: AccountErasureService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.days = config.env.RETENTION_GUEST_INACTIVE_DAYS;
  }

  @RetentionPolicy('inactive_guests')
  async inactiveGuests({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.days === 0) return null;
    if (dryRun) {
      const [row] = (await this.db.query(
        `SELECT count(*)::int AS n FROM app.users u WHERE ${INACTIVE_GUEST}`,
        [this.days],
      )) as { n: number }[];
      return row!.n;
    }
    let removed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = (
        (await this.db.query(
          `SELECT u.id FROM app.users u WHERE ${INACTIVE_GUEST} AND u.id > $2
            ORDER BY u.id LIMIT ${BATCH}`,
          [this.days, after],
        )) as { id: string }[]
      ).map((r) => r.id);
      for (const id of ids) {
        // Another worker erasing the same guest at once: its users row goes once, counted once.
        const receipt = await this.erasure.erase(id).catch((err: unknown) => {
          if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
          throw err;
        });
        removed += receipt?.removed['app.users'] ?? 0;
      }
      if (ids.length < BATCH) return removed;
      after = ids[ids.length - 1]!;
    }
  }
}
