import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { uuidv7 } from '../../../platform/database/uuid.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import { QueueService } from '../../../platform/queue/queue.service.js';
import { EmbeddingCache } from '../cache/embedding-cache.js';
import { CollectionsRepository } from '../collections.repository.js';
import {
  EmbedderRegistry,
  profileKey,
  type EmbeddingProfile,
} from '../embedding/embedder-registry.js';
import type { RagCollection } from '../entities/rag-collection.entity.js';
import {
  ProfileStatus,
  type RagEmbeddingProfile,
} from '../entities/rag-embedding-profile.entity.js';
import { chunkKey } from '../ingest/splitter.js';
import { VectorIndexes } from '../search/vector-indexes.js';
import { ProfilesRepository } from './profiles.repository.js';

export const REEMBED_JOB = 'rag-ingest.reembed';
export const REEMBED_ATTEMPTS = 3;

export interface ReembedOutcome {
  outcome: 'switched' | 'gone';
  chunks: number;
}

/**
 * A collection's model change. The new profile's vectors are made by a job
 * beside the live ones (`rag.profile_vectors`, chunks added meanwhile
 * included); search keeps using the live profile all along. When every chunk
 * has one, a single transaction, holding the collection's write lock (so no
 * ingest interleaves), moves them into the chunks, switches the collection's
 * profile and bumps its generation (caches keyed by it go stale). A profile of
 * another size gets its own HNSW index before the switch. A failed re-embed
 * leaves the old profile live and says why.
 */
@Injectable()
export class ReembedService {
  private readonly logger = new Logger('RagReembed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: ProfilesRepository,
    private readonly collections: CollectionsRepository,
    private readonly embedders: EmbedderRegistry,
    private readonly embeddingCache: EmbeddingCache,
    private readonly indexes: VectorIndexes,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a model change; 409 while another one is building, 400 for a profile this service cannot embed with. */
  async start(collection: RagCollection, target: EmbeddingProfile): Promise<RagEmbeddingProfile> {
    const refused = this.embedders.refusal(target);
    if (refused) {
      throw new DomainError(ErrorCode.ValidationFailed, `This model cannot be used: ${refused}.`, {
        errors: [{ field: 'embedding', message: refused }],
      });
    }
    if (
      profileKey(target) ===
      profileKey({
        provider: collection.embeddingProvider,
        model: collection.embeddingModel,
        dimensions: collection.embeddingDimensions,
      })
    ) {
      throw new DomainError(ErrorCode.Conflict, 'The collection is embedded with this model now.');
    }
    const profile = await this.profiles.insertBuilding({
      id: uuidv7(),
      collectionId: collection.id,
      ...target,
    });
    if (!profile) {
      throw new DomainError(
        ErrorCode.Conflict,
        'A model change of this collection is under way; wait until it is done or failed.',
      );
    }
    await this.queue.enqueue(
      REEMBED_JOB,
      { profileId: profile.id },
      { jobId: `reembed.${profile.id}`, attempts: REEMBED_ATTEMPTS },
    );
    return profile;
  }

  /** The job: embed what is missing, then switch once nothing is. Safe to run again. */
  async run(profileId: string): Promise<ReembedOutcome> {
    const profile = await this.profiles.find(profileId);
    if (profile?.status !== ProfileStatus.Building) return { outcome: 'gone', chunks: 0 };
    const collection = await this.collections.findById(profile.collectionId);
    if (!collection) return { outcome: 'gone', chunks: 0 };
    const embedder = this.embedders.for(profile);
    const settings = { chunkSize: collection.chunkSize, chunkOverlap: collection.chunkOverlap };
    // Filled as the switch moves rows in; the old size's index serves searches until then.
    await this.indexes.ensure({ id: collection.id, embeddingDimensions: profile.dimensions });
    const batch = this.config.rag.embedBatchSize;
    for (;;) {
      const missing = await this.profiles.missing(profile.id, collection.id, batch);
      if (missing.length > 0) {
        const { vectors } = await this.embeddingCache.embed(
          missing.map((c) => c.content),
          embedder,
        );
        await this.profiles.addVectors(
          profile.id,
          missing.map((c, i) => ({
            chunkId: c.id,
            chunkKey: chunkKey(c.content, settings, profile.model),
            embedding: vectors[i]!,
          })),
        );
        await this.profiles.updateProgress(profile.id, collection.id);
        continue;
      }
      const switched = await this.dataSource.transaction(async (manager) => {
        // The same lock ingest takes: no chunk can be added or replaced until this commits.
        if (!(await this.collections.lockForWrite(collection.id, manager))) return 'gone';
        const current = await this.profiles.find(profile.id, manager, true);
        if (current?.status !== ProfileStatus.Building) return 'gone';
        // An ingest committed chunks after the last batch: embed those first.
        if ((await this.profiles.missing(profile.id, collection.id, 1, manager)).length > 0) {
          return 'again';
        }
        const moved = await this.profiles.switchTo(current, manager);
        await this.collections.bumpGeneration(collection.id, manager);
        return moved;
      });
      if (switched === 'again') continue;
      if (switched === 'gone') return { outcome: 'gone', chunks: 0 };
      if (profile.dimensions !== collection.embeddingDimensions) {
        await this.indexes.drop(collection.id, profile.dimensions);
      }
      this.logger.log(
        `collection ${collection.name} switched to ${profileKey(profile)} (${switched} chunks)`,
      );
      return { outcome: 'switched', chunks: switched };
    }
  }

  /** Records why an attempt failed; the last one fails the change, the live profile untouched. */
  async recordFailure(profileId: string, err: unknown, final: boolean): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    if (final) await this.profiles.markFailed(profileId, message);
    else await this.profiles.recordError(profileId, message);
  }
}
