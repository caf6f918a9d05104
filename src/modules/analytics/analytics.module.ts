import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { ConsentModule } from '../consent/consent.module.js';
import { ConversationErasers } from '../conversations/conversation-erasers.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { AdminAnalyticsController, AnalyticsController } from './analytics.controller.js';
import { AnalyticsErasure } from './analytics-erasure.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { AnalyticsService } from './analytics.service.js';
import { ANALYTICS_ENTITIES } from './entities/conversation-analytics.entity.js';
import { AnalyticsExporter } from './analytics.exporter.js';

/** Conversation analytics (seed 001): written by the agent, read by operators. */
@Module({
  imports: [
    TypeOrmModule.forFeature(ANALYTICS_ENTITIES),
    AuthModule,
    ConsentModule,
    ConversationsModule,
  ],
  controllers: [AnalyticsController, AdminAnalyticsController],
  providers: [AnalyticsRepository, AnalyticsService, AnalyticsErasure, AnalyticsExporter],
  exports: [AnalyticsService],
})
export class AnalyticsModule implements OnModuleInit {
  constructor(
    private readonly erasers: ConversationErasers,
    private readonly analytics: AnalyticsService,
  ) {}

  onModuleInit(): void {
    // Erasing a conversation (or its user, conversation by conversation) removes its analyses.
    this.erasers.register({
      table: 'app.conversation_analytics',
      erase: (conversationId, manager) => this.analytics.eraseConversation(conversationId, manager),
    });
  }
}
