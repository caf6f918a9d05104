import { Module } from '@nestjs/common';
import { DomainError } from '../../platform/http/domain-error.js';
import { ConsentModule } from '../consent/consent.module.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import {
  CachedConversationOwnership,
  CONVERSATION_SUMMARIES,
  type ConversationSummaries,
} from './conversation-summaries.js';
import { MemoryItemsController } from './memory.controller.js';
import { MemoryItemsRepository } from './memory-items.repository.js';
import { MemoryItemsService } from './memory-items.service.js';
import { SummariesController } from './summaries.controller.js';
import { SummariesProcessor } from './summaries.processor.js';
import { SummariesService } from './summaries.service.js';
import { SummaryLedger } from './summary-ledger.js';
import { SummaryWriter } from './summary-writer.service.js';

/** Long-term memory: namespaced items per user, and the summary lake fed by the queue. */
@Module({
  imports: [ConversationsModule, ConsentModule],
  controllers: [MemoryItemsController, SummariesController],
  providers: [
    MemoryItemsRepository,
    MemoryItemsService,
    {
      provide: CONVERSATION_SUMMARIES,
      inject: [ConversationsService],
      useFactory: (conversations: ConversationsService): ConversationSummaries => ({
        isOwnedBy: (conversationId, userId) =>
          conversations.getOwned(userId, conversationId).then(
            () => true,
            (err: unknown) => {
              if (err instanceof DomainError) return false;
              throw err;
            },
          ),
        applyRollingSummary: (userId, conversationId, summary, asOf) =>
          conversations.applyRollingSummary(userId, conversationId, summary, asOf),
      }),
    },
    CachedConversationOwnership,
    SummaryWriter,
    SummaryLedger,
    SummariesService,
    SummariesProcessor,
  ],
  exports: [MemoryItemsService],
})
export class MemoryModule {}
