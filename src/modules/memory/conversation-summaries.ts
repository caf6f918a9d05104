/** What the memory lake needs of a conversation; the conversations module provides it. */
export interface ConversationSummaries {
  /**
   * The hot path's check, from memory once seen: a conversation erased since may
   * still look owned, and the worker asks `isOwnedBy` before it stores anything.
   */
  isOwner(userId: string, conversationId: string): Promise<boolean>;
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
