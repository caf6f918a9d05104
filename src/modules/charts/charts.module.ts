import { Module, type OnModuleInit } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module.js';
import { ConversationErasers } from '../conversations/conversation-erasers.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { ChartAccessChecker } from './chart-access.checker.js';
import { ChartsController, ConversationChartsController } from './charts.controller.js';
import { ChartsRepository } from './charts.repository.js';
import { ChartsExporter } from './charts.exporter.js';
import { ChartsService } from './charts.service.js';

/** Charts of conversations (seed 000's chart table). */
@Module({
  imports: [ConversationsModule, ConsentModule],
  controllers: [ConversationChartsController, ChartsController],
  providers: [ChartsRepository, ChartsService, ChartAccessChecker, ChartsExporter],
  exports: [ChartsService],
})
export class ChartsModule implements OnModuleInit {
  constructor(
    private readonly erasers: ConversationErasers,
    private readonly charts: ChartsService,
  ) {}

  onModuleInit(): void {
    // Erasing a conversation (or its user) removes its charts.
    this.erasers.register({
      table: 'app.charts',
      erase: (conversationId, manager) => this.charts.eraseConversation(conversationId, manager),
    });
  }
}
