import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { VectorSupportService } from '../../../platform/database/vector-support.service.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { ConsentService } from '../../consent/consent.service.js';
import { EmbeddingCache } from '../cache/embedding-cache.js';
import { RagCacheWriter } from '../cache/rag-cache.writer.js';
import {
  queryWords,
  SemanticCacheRepository,
  semanticScopeKey,
} from '../cache/semantic-cache.repository.js';
import { CollectionsService } from '../collections.service.js';
import { EMBEDDER, type Embedder } from '../embedding/embedder.port.js';
import { ChunkSearchRepository, type ChunkHit } from './chunk-search.repository.js';
import { compileFilter } from './metadata-filter.js';

export interface SearchInput {
  query: string;
  k: number;
  collection?: string;
  filter?: Record<string, unknown>;
  mode?: 'vector' | 'hybrid';
  scoreThreshold?: number;
}

export type CacheOutcome = 'embedding-hit' | 'semantic-hit' | 'miss';

/**
 * The search path: resolve the collections the caller reaches; embed the query
 * through the embedding cache (exact text); look for a cached query close
 * enough in the same scope (the semantic cache); else search. `X-Cache` says
 * `embedding-hit` when this exact text was embedded before (whether or not the
 * semantic cache then answered), `semantic-hit` when another, near query's
 * results answered, `miss` otherwise. Cache writes are queued; a cache that
 * fails is a miss, never a failed search.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('RagSearch');

  constructor(
    private readonly collections: CollectionsService,
    private readonly chunks: ChunkSearchRepository,
    private readonly vectors: VectorSupportService,
    private readonly consent: ConsentService,
    private readonly embeddings: EmbeddingCache,
    private readonly semantic: SemanticCacheRepository,
    private readonly writer: RagCacheWriter,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(
    me: AuthContext,
    input: SearchInput,
  ): Promise<{ data: ChunkHit[]; cache: CacheOutcome }> {
    // Refuse a bad filter before touching anything else.
    compileFilter(input.filter, 'c', 1);
    // A minor's personal use of the knowledge base is processing: consent is checked here too.
    await this.consent.assertProcessingAllowed(me.userId);
    const reachable = await this.collections.searchable(me, input.collection);
    const searchable = reachable.filter(
      (c) =>
        c.embeddingModel === this.embedder.model &&
        c.embeddingDimensions === this.embedder.dimensions,
    );
    if (input.collection && searchable.length === 0) {
      throw new DomainError(
        ErrorCode.Conflict,
        `Collection "${input.collection}" is embedded with another model than this service uses.`,
      );
    }
    if (searchable.length === 0) return { data: [], cache: 'miss' };
    const {
      vectors: [vector],
      hits,
    } = await this.embeddings.embed([input.query]).catch((err: unknown) => {
      this.logger.warn(
        `query embedding failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'The embedding service cannot be reached.',
      );
    });
    const embeddingHit = hits > 0;
    const mode = input.mode ?? 'vector';
    const vectorMode = await this.vectors.mode();
    const scopeKey = semanticScopeKey({
      collections: searchable.map((c) => ({
        id: c.id,
        generation: c.generation,
        audience: c.audience,
      })),
      audiences: [...new Set(reachable.map((c) => c.audience))],
      provider: this.embedder.provider,
      model: this.embedder.model,
      dimensions: this.embedder.dimensions,
      k: input.k,
      mode,
      filter: input.filter,
      scoreThreshold: input.scoreThreshold,
      words: mode === 'hybrid' ? queryWords(input.query) : undefined,
    });
    const cached = await this.semantic
      .lookup({
        scopeKey,
        vector: vector!,
        dimensions: this.embedder.dimensions,
        maxDistance: this.config.rag.semanticCacheDistance,
        vectorMode,
      })
      .catch((err: unknown) => {
        this.logger.warn(
          `semantic cache lookup failed: ${err instanceof Error ? err.message : String(err)}`,
        );
        return undefined;
      });
    if (cached) return { data: cached, cache: embeddingHit ? 'embedding-hit' : 'semantic-hit' };
    const data = await this.chunks.search({
      collectionIds: searchable.map((c) => c.id),
      dimensions: this.embedder.dimensions,
      vector: vector!,
      query: input.query,
      k: input.k,
      filter: input.filter,
      mode,
      scoreThreshold: input.scoreThreshold,
      vectorMode,
    });
    this.writer.semantic({
      scopeKey,
      collectionIds: searchable.map((c) => c.id),
      generations: searchable.map((c) => c.generation),
      embedding: vector!,
      chunkIds: data.map((d) => d.chunk_id),
      scores: data.map((d) => d.score),
    });
    return { data, cache: embeddingHit ? 'embedding-hit' : 'miss' };
  }
}
