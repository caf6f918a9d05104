/** What the memory lake needs of a conversation; the conversations module provides it. */
export interface ConversationSummaries {
  /**
   * Whether the conversation is the user's. The hot path asks the cache (which
   * erasing the conversation clears on every instance); the worker asks `fresh`,
   * from the database, before it stores anything.
   */
  isOwner(userId: string, conversationId: string, options?: { fresh?: boolean }): Promise<boolean>;
  /** Sets the rolling summary unless the conversation holds a newer one; whether it did. */
  applyRollingSummary(
    userId: string,
    conversationId: string,
    summary: string,
    asOf: Date,
  ): Promise<boolean>;
}

export const CONVERSATION_SUMMARIES = Symbol('CONVERSATION_SUMMARIES');
