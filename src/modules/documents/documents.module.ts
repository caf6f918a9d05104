import { Module, type OnModuleInit } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module.js';
import { ConsentModule } from '../consent/consent.module.js';
import { ConversationErasers } from '../conversations/conversation-erasers.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { DocumentAccessChecker, SuggestionAccessChecker } from './document-access.checkers.js';
import { ConversationDocumentsController, DocumentsController } from './documents.controller.js';
import { DocumentsExporter } from './documents.exporter.js';
import { DocumentsRepository } from './documents.repository.js';
import { DocumentsService } from './documents.service.js';
import { DocumentSuggestionsController, SuggestionsController } from './suggestions.controller.js';
import { SuggestionsRepository } from './suggestions.repository.js';
import { SuggestionsService } from './suggestions.service.js';

/** Documents of conversations (seed 000): numbered versions and suggestions on them. */
@Module({
  imports: [ConversationsModule, ConsentModule, ArtifactsModule],
  controllers: [
    ConversationDocumentsController,
    DocumentsController,
    DocumentSuggestionsController,
    SuggestionsController,
  ],
  providers: [
    DocumentsRepository,
    DocumentsService,
    SuggestionsRepository,
    SuggestionsService,
    DocumentAccessChecker,
    SuggestionAccessChecker,
    DocumentsExporter,
  ],
  exports: [DocumentsService],
})
export class DocumentsModule implements OnModuleInit {
  constructor(
    private readonly erasers: ConversationErasers,
    private readonly documents: DocumentsService,
  ) {}

  onModuleInit(): void {
    // Erasing a conversation (or its user) removes its documents; children first, for the receipt.
    for (const table of ['document_suggestions', 'document_versions', 'documents'] as const) {
      this.erasers.register({
        table: `app.${table}`,
        erase: (conversationId, manager) =>
          this.documents.eraseConversation(table, conversationId, manager),
      });
    }
  }
}
