import type { EntityManager } from 'typeorm';
import type { OutsideStep } from '../../platform/erasure/erase-counts.js';
import type { ConversationEraseResult } from '../conversations/conversation-erasers.js';
import { ArtifactBlobsRepository } from './artifact-blobs.repository.js';
import { ArtifactCollector } from './artifact-collector.service.js';
import { ArtifactsRepository } from './artifacts.repository.js';
import {
  ErasesUserData,
  eraseColumns,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/**
 * Erasing artifacts, of a conversation or of a user: the references go in the
 * erase's transaction, and once it committed the blobs whose last reference
 * went are deleted from the store at once (not after the grace period).
 */
@ErasesUserData({ order: 20 })
export class ArtifactErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'app.artifacts', column: 'user_id', action: 'delete' },
    { table: 'app.artifact_uploads', column: 'user_id', action: 'delete' },
  ];

  constructor(
    private readonly artifacts: ArtifactsRepository,
    private readonly blobs: ArtifactBlobsRepository,
    private readonly collector: ArtifactCollector,
  ) {}

  async eraseConversation(
    conversationId: string,
    manager: EntityManager,
  ): Promise<ConversationEraseResult> {
    const { count, blobs } = await this.artifacts.deleteByConversation(conversationId, manager);
    await this.blobs.markOrphaned(blobs, manager);
    return { rows: count, outside: blobs.length ? [this.collectStep(blobs)] : [] };
  }

  async erase(userId: string, { manager }: UserEraseContext) {
    const { count, blobs } = await this.artifacts.deleteByUser(userId, manager);
    await this.blobs.markOrphaned(blobs, manager);
    const removed = await eraseColumns(manager, this.columns.slice(1), userId);
    return {
      removed: { ...removed, 'app.artifacts': count },
      outside: blobs.length ? [this.collectStep(blobs)] : [],
    };
  }

  private collectStep(shas: string[]): OutsideStep {
    return {
      what: `${shas.length} artifact blob(s)`,
      run: async () => ({ blobs: await this.collector.collectNow(shas) }),
      verify: async () => ({ blobs: await this.collector.leftBehind(shas) }),
    };
  }
}
