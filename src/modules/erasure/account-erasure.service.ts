import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addCounts,
  emptyCounts,
  emptyOutcome,
  mergeOutcome,
  type EraseOutcome,
  type PartialCounts,
} from '../../platform/erasure/erase-counts.js';
import { rowsNaming } from '../../platform/erasure/erase-sql.js';
import { UserErasers } from '../../platform/erasure/user-eraser.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditActorType } from '../audit/entities/audit-entry.entity.js';
import { RevocationService } from '../auth/revocation.service.js';
import type { AccountEraseReceiptDto, EraseVerificationDto } from './dto/account-erase.dto.js';

/**
 * Erasing an account everywhere (`DELETE /v1/me`):
 * 1. its sessions are revoked on every instance (its tokens die at once);
 * 2. every registered user eraser runs in one transaction (the agent's
 *    checkpoints included), and the erasure's audit entry is written in it,
 *    under a pseudonym: the database part is all or nothing;
 * 3. the stores outside the database are cleared (blobs whose last reference
 *    went, Redis keys, queued jobs, caches);
 * 4. a verification pass queries every user-linked column and every outside
 *    store again; its result joins the receipt and the audit log.
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger('AccountErasure');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly erasers: UserErasers,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly revocation: RevocationService,
  ) {}

  async erase(
    userId: string,
    caller?: { jti: string; exp: number },
  ): Promise<AccountEraseReceiptDto> {
    const [exists] = (await this.db.query(`SELECT 1 FROM app.users WHERE id = $1`, [userId])) as [
      unknown?,
    ];
    if (!exists) throw DomainError.notFound('User');
    await this.events.emit('user.deactivated', { userId });
    const subject = randomUUID();
    const outcome = await this.eraseRows(userId, subject);
    const failed: string[] = [];
    const outside: PartialCounts = {};
    for (const step of outcome.outside) {
      try {
        addCounts(outside, await step.run());
      } catch (err) {
        failed.push(step.what);
        this.logger.error({ err, step: step.what }, 'erase: a store outside the database failed');
      }
    }
    if (caller) await this.revocation.revokeJti(caller.jti, caller.exp);
    const verification = { ...(await this.verify(userId, outcome)), failed };
    if (!verification.passed || failed.length > 0) {
      verification.passed = false;
      this.logger.error({ remaining: verification.remaining, failed }, 'erase left data behind');
    }
    await this.audit.record({
      actor: { type: AuditActorType.User, id: subject },
      action: 'user.erase.verified',
      target: { type: 'user', id: subject },
      after: { ...verification },
    });
    return {
      user_id: userId,
      subject,
      removed: outcome.removed,
      pseudonymised: outcome.pseudonymised,
      ...addCounts(addCounts(emptyCounts(), outcome.counts), outside),
      thread_ids: outcome.threadIds,
      verification,
      erased_at: new Date().toISOString(),
    };
  }

  /** Every eraser in one transaction, with the erasure's audit entry. */
  private eraseRows(userId: string, subject: string): Promise<EraseOutcome> {
    return this.db.transaction(async (manager) => {
      const [user] = (await manager.query(`SELECT email FROM app.users WHERE id = $1 FOR UPDATE`, [
        userId,
      ])) as { email: string | null }[];
      // A concurrent erase of the same account got there first.
      if (!user) throw DomainError.notFound('User');
      const outcome = emptyOutcome();
      const context = { manager, pseudonym: subject, email: user.email };
      for (const { eraser } of this.erasers.all()) {
        mergeOutcome(outcome, await eraser.erase(userId, context));
      }
      await this.audit.record(
        {
          actor: { type: AuditActorType.User, id: subject },
          action: 'user.erase',
          target: { type: 'user', id: subject },
          after: {
            removed: outcome.removed,
            pseudonymised: outcome.pseudonymised,
            ...addCounts(emptyCounts(), outcome.counts),
          },
        },
        manager,
      );
      return outcome;
    });
  }

  /** Queries every user-linked column and every outside store again. */
  private async verify(
    userId: string,
    outcome: EraseOutcome,
  ): Promise<Omit<EraseVerificationDto, 'failed'>> {
    const columns = this.erasers.columns();
    const remaining: Record<string, number> = {};
    for (const column of columns) {
      const n = await rowsNaming(this.db.manager, column, userId);
      if (n > 0) remaining[`${column.table}.${column.column}`] = n;
    }
    for (const step of outcome.outside) {
      try {
        addCounts(remaining, await step.verify());
      } catch (err) {
        remaining[step.what] = (remaining[step.what] ?? 0) + 1;
        this.logger.error({ err, step: step.what }, 'erase: verification of a store failed');
      }
    }
    const left = Object.fromEntries(Object.entries(remaining).filter(([, n]) => n > 0));
    return {
      passed: Object.keys(left).length === 0,
      checked: columns.length + outcome.outside.length,
      remaining: left,
    };
  }
}
