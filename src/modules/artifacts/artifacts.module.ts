import { Module, type OnModuleInit } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module.js';
import { ConversationErasers } from '../conversations/conversation-erasers.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { ArtifactAccessChecker } from './artifact-access.checker.js';
import { ArtifactBlobsRepository } from './artifact-blobs.repository.js';
import { ArtifactCollector } from './artifact-collector.service.js';
import { ArtifactPolicy } from './artifact-policy.js';
import { ArtifactUploadAccessChecker } from './artifact-upload-access.checker.js';
import {
  ArtifactUploadsController,
  ConversationArtifactUploadsController,
} from './artifact-uploads.controller.js';
import { ArtifactUploadsRepository } from './artifact-uploads.repository.js';
import { ArtifactUploadsService } from './artifact-uploads.service.js';
import { ArtifactsController, ConversationArtifactsController } from './artifacts.controller.js';
import { ArtifactsRepository } from './artifacts.repository.js';
import { ArtifactRegistrar } from './artifact-registrar.js';
import { ArtifactsService } from './artifacts.service.js';

/** Files of conversations: content-addressed blobs, references, downloads, collection. */
@Module({
  imports: [ConversationsModule, ConsentModule],
  controllers: [
    ConversationArtifactsController,
    ArtifactsController,
    ConversationArtifactUploadsController,
    ArtifactUploadsController,
  ],
  providers: [
    ArtifactsRepository,
    ArtifactBlobsRepository,
    ArtifactPolicy,
    ArtifactsService,
    ArtifactRegistrar,
    ArtifactCollector,
    ArtifactAccessChecker,
    ArtifactUploadsRepository,
    ArtifactUploadsService,
    ArtifactUploadAccessChecker,
  ],
  exports: [ArtifactsService, ArtifactCollector, ArtifactUploadsService],
})
export class ArtifactsModule implements OnModuleInit {
  constructor(
    private readonly erasers: ConversationErasers,
    private readonly artifacts: ArtifactsService,
  ) {}

  onModuleInit(): void {
    // Erasing a conversation (or its user) drops its references.
    this.erasers.register({
      table: 'app.artifacts',
      erase: (conversationId, manager) => this.artifacts.eraseConversation(conversationId, manager),
    });
  }
}
