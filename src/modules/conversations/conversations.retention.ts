import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import {
  DAYS_AGO,
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';
import { CheckpointsRepository } from './checkpoints.repository.js';
import { ConversationEraseService } from './erase.service.js';

const ARCHIVED_LONG_AGO = `archived_at < ${DAYS_AGO(1)}`;
const BATCH = 100;

/** Conversations archived long ago, and the agent's old checkpoints. */
@Injectable()
export class ConversationRetention {
  private readonly archivedDays: number;
  private readonly checkpointsPerThread: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly erase: ConversationEraseService,
    private readonly checkpoints: CheckpointsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.archivedDays = config.env.RETENTION_ARCHIVED_CONVERSATION_DAYS;
    this.checkpointsPerThread = config.env.RETENTION_CHECKPOINTS_PER_THREAD;
  }

  /** Erased as DELETE /v1/conversations/{id} erases: artifacts, streams, checkpoints with them. */
  @RetentionPolicy('archived_conversations')
  async archivedConversations({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.archivedDays === 0) return null;
    if (dryRun) {
      const [row] = (await this.db.query(
        `SELECT count(*)::int AS n FROM app.conversations WHERE ${ARCHIVED_LONG_AGO}`,
        [this.archivedDays],
      )) as { n: number }[];
      return row!.n;
    }
    let removed = 0;
    for (;;) {
      const batch = (await this.db.query(
        `SELECT id, user_id AS "userId" FROM app.conversations WHERE ${ARCHIVED_LONG_AGO}
          ORDER BY id LIMIT ${BATCH}`,
        [this.archivedDays],
      )) as { id: string; userId: string }[];
      for (const c of batch) {
        try {
          await this.erase.erase(c.userId, c.id);
          removed++;
        } catch (err) {
          // Another worker erased it first: it went once, and that one counts it.
          if (!(err instanceof DomainError && err.code === ErrorCode.NotFound)) throw err;
        }
      }
      if (batch.length < BATCH) return removed;
    }
  }

  @RetentionPolicy('agent_checkpoints')
  async agentCheckpoints({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.checkpointsPerThread === 0) return null;
    return this.checkpoints.pruneBeyondNewest(this.db, this.checkpointsPerThread, dryRun);
  }
}
