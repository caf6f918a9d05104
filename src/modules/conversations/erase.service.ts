import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { OwnerCache } from '../../platform/access/owner-cache.js';
import {
  addCounts,
  emptyCounts,
  emptyOutcome,
  mergeOutcome,
  runOutside,
  type EraseOutcome,
} from '../../platform/erasure/erase-counts.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { Actors, AuditService } from '../audit/audit.service.js';
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
    private readonly audit: AuditService,
  ) {}

  async erase(userId: string, conversationId: string): Promise<EraseReceiptDto> {
    const outcome = await this.db.transaction(async (manager) => {
      if (!(await this.conversations.lockOwned(conversationId, userId, manager))) {
        throw DomainError.notFound('Conversation');
      }
      const erased = await this.eraseLocked(userId, conversationId, manager);
      await this.audit.record(
        {
          actor: Actors.user(userId),
          action: 'conversation.erase',
          target: { type: 'conversation', id: conversationId },
          after: { removed: erased.removed, ...erased.counts },
        },
        manager,
      );
      // Before the commit: when the other instances cannot be told, nothing is erased (503).
      await this.owners.forget(CONVERSATION, conversationId);
      return erased;
    });
    // Again after it: a check that read the row before the commit may have cached it since.
    await this.owners.forget(CONVERSATION, conversationId).catch((err: Error) => {
      this.logger.warn(
        `conversation ${conversationId} erased, owner cache not dropped: ${err.message}`,
      );
    });
    // Stream chunks, blobs whose last reference went, queued summaries: once the rows are gone.
    const outside = await runOutside(outcome.outside);
    const counts = addCounts(addCounts(emptyCounts(), outcome.counts), outside);
    return {
      conversation_id: conversationId,
      removed: outcome.removed,
      ...counts,
      thread_ids: outcome.threadIds,
      erased_at: new Date().toISOString(),
    };
  }

  /**
   * Every conversation of a user, for the erasure of the whole account: pass
   * the caller's transaction so that the account's erase is all or nothing.
   */
  async eraseAllOf(userId: string, manager: EntityManager): Promise<EraseOutcome> {
    const outcome = emptyOutcome();
    for (const id of await this.conversations.idsOfOwner(userId, manager)) {
      mergeOutcome(outcome, await this.eraseLocked(userId, id, manager));
      // The account goes with them: its tokens stop working, so no later check can race this.
      await this.owners.forget(CONVERSATION, id);
    }
    return outcome;
  }

  private async eraseLocked(
    userId: string,
    conversationId: string,
    manager: EntityManager,
  ): Promise<EraseOutcome> {
    const sessionIds = await this.conversations.sessionIds(conversationId, manager);
    // What other modules keep for it (artifacts, streams, its summary) goes first: it may point at the rows below.
    const outcome = await this.erasers.eraseAll(conversationId, manager);
    const { messages, votes } = await this.messages.deleteByConversation(conversationId, manager);
    const removed: Record<string, number> = {
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
    return mergeOutcome(outcome, {
      removed,
      counts: { checkpoints: checkpointRows(removed) },
      threadIds,
    });
  }
}

function checkpointRows(removed: Record<string, number>): number {
  return Object.entries(removed)
    .filter(([table]) => table.startsWith(`${CHECKPOINT_SCHEMA}.`))
    .reduce((sum, [, n]) => sum + n, 0);
}
