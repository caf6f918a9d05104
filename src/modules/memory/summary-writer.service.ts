import { Inject, Injectable } from '@nestjs/common';
import { ConsentService } from '../consent/consent.service.js';
import type { JobPayloads } from '../../platform/queue/queue.types.js';
import { CONVERSATION_SUMMARIES, type ConversationSummaries } from './conversation-summaries.js';
import { MemoryItemsRepository } from './memory-items.repository.js';
import { MemorySearchService } from './memory-search.service.js';
import { unstorableText, UnstorableSummary } from './storable.js';

export type SummaryPayload = JobPayloads['memory-lake.persist-summary'];

/** Summaries live in the owner's memory under this namespace, keyed by conversation id. */
export const SUMMARY_NAMESPACE = 'summaries';

export interface SummaryOutcome {
  /** False when the conversation is gone (or no longer the user's): nothing to remember. */
  conversation_found: boolean;
  /** Whether the memory item took this summary (false: a newer one is already there). */
  memory_updated: boolean;
  /** Whether the conversation's rolling summary took it (false: it holds a newer one). */
  rolling_summary_updated: boolean;
  /** Which run stored it (set by the queue handler). */
  attempt?: number;
}

/**
 * Persists one summary: into long-term memory and into the conversation's
 * rolling summary. Both writes are conditional on the summary's time, so the
 * worker may run it twice, or out of order, and the newest summary still wins.
 * The queue's handler and the synchronous fallback both come through here.
 */
@Injectable()
export class SummaryWriter {
  constructor(
    private readonly items: MemoryItemsRepository,
    @Inject(CONVERSATION_SUMMARIES) private readonly conversations: ConversationSummaries,
    private readonly consent: ConsentService,
    private readonly search: MemorySearchService,
  ) {}

  async persist(payload: SummaryPayload): Promise<SummaryOutcome> {
    const { userId, conversationId, summary, asOf } = payload;
    // The API refuses such text before accepting it; a job from elsewhere is refused here.
    const unstorable = unstorableText(summary);
    if (unstorable) throw new UnstorableSummary(`The summary ${unstorable}.`);
    if (!(await this.conversations.isOwner(userId, conversationId, { fresh: true }))) {
      return { conversation_found: false, memory_updated: false, rolling_summary_updated: false };
    }
    await this.assertMayRemember(userId);
    const memoryUpdated = await this.items.upsertUnlessNewer({
      userId,
      namespace: SUMMARY_NAMESPACE,
      key: conversationId,
      value: { text: summary, conversation_id: conversationId, as_of: asOf },
      text: summary,
      expiresAt: null,
      asOf,
    });
    const rollingUpdated = await this.conversations.applyRollingSummary(
      userId,
      conversationId,
      summary,
      new Date(asOf),
    );
    // Once everything is stored: queueing the embedding never fails the write.
    if (memoryUpdated) await this.search.queueEmbedding(userId, SUMMARY_NAMESPACE, conversationId);
    return {
      conversation_found: true,
      memory_updated: memoryUpdated,
      rolling_summary_updated: rollingUpdated,
    };
  }

  /** The consent gate: a minor's summaries are not stored without parental consent. */
  private async assertMayRemember(userId: string): Promise<void> {
    await this.consent.assertProcessingAllowed(userId);
  }
}
