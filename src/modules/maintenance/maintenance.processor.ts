import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobPayloads } from '../../platform/queue/queue.types.js';
import { ArtifactUploadsService } from '../artifacts/artifact-uploads.service.js';
import { ArtifactCollector } from '../artifacts/artifact-collector.service.js';
import { RevocationService } from '../auth/revocation.service.js';
import { MemoryItemsService } from '../memory/memory-items.service.js';
import { SemanticCacheRepository } from '../rag/cache/semantic-cache.repository.js';

/**
 * Operational jobs. `maintenance.echo` answers with the process that ran it, so
 * an operator (or a test) can see that jobs reach a worker and come back.
 * `maintenance.prune-expired` (scheduled by MaintenanceSchedule) removes what
 * has outlived its own expiry; running it twice removes nothing more.
 */
@Injectable()
export class MaintenanceProcessor {
  constructor(
    private readonly revocations: RevocationService,
    private readonly memory: MemoryItemsService,
    private readonly artifacts: ArtifactCollector,
    private readonly artifactUploads: ArtifactUploadsService,
    private readonly semanticCache: SemanticCacheRepository,
  ) {}

  @JobHandler('maintenance.echo')
  echo(payload: JobPayloads['maintenance.echo']): { echo: string; pid: number } {
    return { echo: payload.text, pid: process.pid };
  }

  @JobHandler('maintenance.prune-expired')
  async pruneExpired(): Promise<{
    revoked_tokens: number;
    memory_items: number;
    artifact_blobs: number;
    artifact_uploads: number;
    rag_semantic_entries: number;
  }> {
    return {
      revoked_tokens: await this.revocations.pruneExpired(),
      memory_items: await this.memory.deleteExpired(),
      // Blobs whose last reference went more than ARTIFACT_BLOB_GRACE_SECONDS ago.
      artifact_blobs: await this.artifacts.collectGarbage(),
      // Large uploads never completed.
      artifact_uploads: await this.artifactUploads.pruneExpired(),
      // RAG semantic-cache entries past their day.
      rag_semantic_entries: await this.semanticCache.pruneExpired(),
    };
  }
}
