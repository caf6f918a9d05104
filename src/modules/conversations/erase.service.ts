import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OwnerCache } from '../../platform/access/owner-cache.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { CHECKPOINT_SCHEMA, CheckpointsRepository } from './checkpoints.repository.js';
import { ConversationErasers } from './conversation-erasers.js';
import { ConversationsRepository } from './conversations.repository.js';
import { CONVERSATION } from './conversations.service.js';
import type { EraseReceiptDto } from './dto/erase.dto.js';
import { FeedbackRepository } from './feedback.repository.js';
import { MessagesRepository } from './messages.repository.js';

/**
 * Erasing a conversation: every row Parley holds for it and the agent's
 * checkpoints of its threads, in one transaction, so that a failure leaves
 * everything in place rather than half of it. The receipt counts what went.
 */
@Injectable()
export class ConversationEraseService {
  private readonly logger = new Logger('ConversationErase');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly feedback: FeedbackRepository,
    private readonly checkpoints: CheckpointsRepository,
    private readonly owners: OwnerCache,
    private readonly erasers: ConversationErasers,
  ) {}

  async erase(userId: string, conversationId: string): Promise<EraseReceiptDto> {
    const receipt = await this.db.transaction(async (manager) => {
      if (!(await this.conversations.lockOwned(conversationId, userId, manager))) {
        throw DomainError.notFound('Conversation');
      }
      const { removed, threadIds } = await this.eraseLocked(userId, conversationId, manager);
      // Before the commit: when the other instances cannot be told, nothing is erased (503).
      await this.owners.forget(CONVERSATION, conversationId);
      return {
        conversation_id: conversationId,
        removed,
        checkpoints: checkpointRows(removed),
        thread_ids: threadIds,
        erased_at: new Date().toISOString(),
      };
    });
    // Again after it: a check that read the row before the commit may have cached it since.
    await this.owners.forget(CONVERSATION, conversationId).catch((err: Error) => {
      this.logger.warn(
        `conversation ${conversationId} erased, owner cache not dropped: ${err.message}`,
      );
    });
    return receipt;
  }

  /**
   * Every conversation of a user, for the erasure of the whole account: pass
   * the caller's transaction so that the account's erase is all or nothing.
   */
  async eraseAllOf(
    userId: string,
    manager: EntityManager,
  ): Promise<{ removed: Record<string, number>; checkpoints: number; thread_ids: string[] }> {
    const removed: Record<string, number> = {};
    const threadIds: string[] = [];
    for (const id of await this.conversations.idsOfOwner(userId, manager)) {
      const one = await this.eraseLocked(userId, id, manager);
      for (const [table, n] of Object.entries(one.removed))
        removed[table] = (removed[table] ?? 0) + n;
      threadIds.push(...one.threadIds);
      // The account goes with them: its tokens stop working, so no later check can race this.
      await this.owners.forget(CONVERSATION, id);
    }
    return { removed, checkpoints: checkpointRows(removed), thread_ids: threadIds };
  }

  private async eraseLocked(
    userId: string,
    conversationId: string,
    manager: EntityManager,
  ): Promise<{ removed: Record<string, number>; threadIds: string[] }> {
    const sessionIds = await this.conversations.sessionIds(conversationId, manager);
    // What other modules keep for it (artifacts) goes first: it may point at the rows below.
    const registered = await this.erasers.eraseAll(conversationId, manager);
    const { messages, votes } = await this.messages.deleteByConversation(conversationId, manager);
    const removed: Record<string, number> = {
      ...registered,
      'app.message_votes': votes,
      'app.messages': messages,
      'app.conversation_configs': await this.conversations.deleteConfig(conversationId, manager),
      'app.feedback': await this.feedback.deleteForSessions(userId, sessionIds, manager),
      'app.chat_sessions': await this.conversations.deleteSessions(conversationId, manager),
      'app.conversations': await this.conversations.delete(conversationId, manager),
    };
    // Chat session ids are the agent's thread ids; some agents use the conversation id itself.
    const threadIds = [...sessionIds, conversationId];
    Object.assign(removed, await this.checkpoints.deleteThreads(threadIds, manager));
    return { removed, threadIds };
  }
}

function checkpointRows(removed: Record<string, number>): number {
  return Object.entries(removed)
    .filter(([table]) => table.startsWith(`${CHECKPOINT_SCHEMA}.`))
    .reduce((sum, [, n]) => sum + n, 0);
}
