import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module.js';
import { ConsentGate } from './consent-gate.js';
import { CONVERSATION_SUMMARIES, type ConversationSummaries } from './conversation-summaries.js';
import { MemoryItemsController } from './memory.controller.js';
import { MemoryItemsRepository } from './memory-items.repository.js';
import { RagModule } from '../rag/rag.module.js';
import { MemorySearchController } from './memory-search.controller.js';
import { MemorySearchService } from './memory-search.service.js';
import { MemoryItemsService } from './memory-items.service.js';
import { RejectedSummariesRepository } from './rejected-summaries.repository.js';
import { SummariesController } from './summaries.controller.js';
import { SummariesProcessor } from './summaries.processor.js';
import { SummariesService } from './summaries.service.js';
import { SummaryJobAccessChecker } from './summary-job-access.checker.js';
import { SummaryLedger } from './summary-ledger.js';
import { SummaryRejections } from './summary-rejections.js';
import { SummaryWriter } from './summary-writer.service.js';

/** Long-term memory: namespaced items per user, and the summary lake fed by the queue. */
@Module({
  imports: [ConversationsModule, ConsentModule, FeatureFlagsModule, RagModule],
  controllers: [MemoryItemsController, MemorySearchController, SummariesController],
  providers: [
    MemoryItemsRepository,
    MemoryItemsService,
    MemorySearchService,
    {
      provide: CONVERSATION_SUMMARIES,
      inject: [ConversationsService],
      useFactory: (conversations: ConversationsService): ConversationSummaries => ({
        isOwner: (userId, conversationId, options) =>
          conversations.isOwner(userId, conversationId, options),
        applyRollingSummary: (userId, conversationId, summary, asOf) =>
          conversations.applyRollingSummary(userId, conversationId, summary, asOf),
      }),
    },
    SummaryWriter,
    RejectedSummariesRepository,
    SummaryRejections,
    SummaryLedger,
    ConsentGate,
    SummariesService,
    SummariesProcessor,
    SummaryJobAccessChecker,
  ],
  exports: [MemoryItemsService],
})
export class MemoryModule {}
