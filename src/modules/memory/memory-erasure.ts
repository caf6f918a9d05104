import type { EntityManager } from 'typeorm';
import type { OutsideStep } from '../../platform/erasure/erase-counts.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import type { ConversationEraseResult } from '../conversations/conversation-erasers.js';
import { SummaryLedger } from './summary-ledger.js';
import { SUMMARY_NAMESPACE } from './summary-writer.service.js';
import {
  ErasesUserData,
  eraseColumns,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

const SUMMARY_JOB = 'memory-lake.persist-summary';

/**
 * Erasing memory: a conversation's summary (`summaries/<id>`) and rejected
 * summaries with the conversation, every item of a user with the account, and
 * in both cases the summaries still on their way (queued jobs, and what this
 * instance holds for a queue that was away).
 */
@ErasesUserData({ order: 30 })
export class MemoryErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'memory.items', column: 'user_id', action: 'delete' },
    { table: 'memory.rejected_summaries', column: 'user_id', action: 'delete' },
  ];

  constructor(
    private readonly queue: QueueService,
    private readonly ledger: SummaryLedger,
  ) {}

  /** The summary item and rejected summaries; the receipt counts the item under memory.items. */
  async eraseConversation(
    conversationId: string,
    manager: EntityManager,
  ): Promise<ConversationEraseResult> {
    const [, items] = (await manager.query(
      `DELETE FROM memory.items WHERE namespace = $1 AND key = $2`,
      [SUMMARY_NAMESPACE, conversationId],
    )) as [unknown, number];
    const [, rejected] = (await manager.query(
      `DELETE FROM memory.rejected_summaries WHERE conversation_id = $1`,
      [conversationId],
    )) as [unknown, number];
    return {
      rows: items,
      removed: { 'memory.rejected_summaries': rejected },
      counts: { memory_items: items },
      outside: [this.queuedStep('conversationId', conversationId)],
    };
  }

  async erase(userId: string, { manager }: UserEraseContext) {
    const removed = await eraseColumns(manager, this.columns, userId);
    return {
      removed,
      counts: { memory_items: removed['memory.items'] ?? 0 },
      outside: [this.queuedStep('userId', userId)],
    };
  }

  private queuedStep(field: 'userId' | 'conversationId', value: string): OutsideStep {
    return {
      what: `queued summaries (${field})`,
      run: async () => {
        // A summary this instance holds for a queue that was away may be in the queue too.
        const held = this.ledger.forget({ [field]: value });
        const queued = await this.queue.removeWhere(SUMMARY_JOB, field, value);
        return { queued_jobs: new Set([...held, ...queued]).size };
      },
      verify: async () => ({ queued_jobs: await this.queue.countWhere(SUMMARY_JOB, field, value) }),
    };
  }
}
