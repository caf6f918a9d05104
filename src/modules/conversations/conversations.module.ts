import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CheckpointsRepository } from './checkpoints.repository.js';
import { ConversationAccessChecker } from './conversation-access.checker.js';
import { ConversationErasers } from './conversation-erasers.js';
import { ConversationUserErasure } from './conversation-user-erasure.js';
import { ConversationsController } from './conversations.controller.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsService } from './conversations.service.js';
import { ChatSession } from './entities/chat-session.entity.js';
import { ConversationConfig } from './entities/conversation-config.entity.js';
import { Conversation } from './entities/conversation.entity.js';
import { Feedback } from './entities/feedback.entity.js';
import { MessageVote } from './entities/message-vote.entity.js';
import { Message } from './entities/message.entity.js';
import { ConversationEraseService } from './erase.service.js';
import { FeedbackRepository } from './feedback.repository.js';
import { FeedbackService } from './feedback.service.js';
import { HistoryService } from './history.service.js';
import { MessageBatchRepository } from './message-batch.repository.js';
import { MessageReadsRepository } from './message-reads.repository.js';
import { MessagesController } from './messages.controller.js';
import { MessagesRepository } from './messages.repository.js';
import { MessagesService } from './messages.service.js';
import { PreparedStatements } from './prepared-statements.js';
import { FeedbackController, SearchController, SharedController } from './search.controller.js';
import { ConversationRetention } from './conversations.retention.js';
import { ConversationsExporter } from './conversations.exporter.js';

/** Conversations, messages (append, history, branches, search, votes), sharing, feedback, erase. */
@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([
      Conversation,
      ChatSession,
      Message,
      MessageVote,
      ConversationConfig,
      Feedback,
    ]),
  ],
  controllers: [
    ConversationsController,
    MessagesController,
    SearchController,
    SharedController,
    FeedbackController,
  ],
  providers: [
    PreparedStatements,
    ConversationsRepository,
    MessagesRepository,
    MessageReadsRepository,
    MessageBatchRepository,
    FeedbackRepository,
    CheckpointsRepository,
    ConversationsService,
    ConversationAccessChecker,
    MessagesService,
    HistoryService,
    FeedbackService,
    ConversationErasers,
    ConversationUserErasure,
    ConversationEraseService,
    ConversationRetention,
    ConversationsExporter,
  ],
  exports: [ConversationsService, ConversationEraseService, ConversationErasers],
})
export class ConversationsModule {}
