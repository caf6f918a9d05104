import { Inject, Injectable } from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service.js';

/** What the memory lake needs of a conversation; the conversations module provides it. */
export interface ConversationSummaries {
  /** Reads the database: the truth, for the worker. */
  isOwnedBy(conversationId: string, userId: string): Promise<boolean>;
  /** Sets the rolling summary unless the conversation holds a newer one; whether it did. */
  applyRollingSummary(
    userId: string,
    conversationId: string,
    summary: string,
    asOf: Date,
  ): Promise<boolean>;
}

export const CONVERSATION_SUMMARIES = Symbol('CONVERSATION_SUMMARIES');

/** A conversation never changes hands, so its owner can be cached for long. */
const OWNER_TTL_SECONDS = 3600;

/**
 * The ownership check of the summary hot path: one cache read (shared by every
 * instance), the database only on a miss. A deleted conversation may still look
 * owned for a while; the worker checks the database before it stores anything.
 */
@Injectable()
export class CachedConversationOwnership {
  constructor(
    private readonly cache: CacheService,
    @Inject(CONVERSATION_SUMMARIES) private readonly conversations: ConversationSummaries,
  ) {}

  async isOwner(userId: string, conversationId: string): Promise<boolean> {
    const key = `conversation-owner:${conversationId}`;
    const owner = await this.cache.get<string>(key);
    if (owner !== undefined) return owner === userId;
    const owned = await this.conversations.isOwnedBy(conversationId, userId);
    // Only owners are remembered: a miss must look again, the conversation may be new.
    if (owned) void this.cache.set(key, userId, OWNER_TTL_SECONDS);
    return owned;
  }
}
