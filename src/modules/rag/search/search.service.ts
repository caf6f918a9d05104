import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import {
  VectorSupportService,
  type VectorMode,
} from '../../../platform/database/vector-support.service.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { ConsentCheckCache } from '../../consent/consent-check.cache.js';
import { EmbeddingCache } from '../cache/embedding-cache.js';
import { RagCacheWriter } from '../cache/rag-cache.writer.js';
import {
  queryWords,
  SemanticCacheRepository,
  semanticScopeKey,
} from '../cache/semantic-cache.repository.js';
import { CollectionsService } from '../collections.service.js';
import { EmbedderRegistry, profileKey } from '../embedding/embedder-registry.js';
import type { RagCollection } from '../entities/rag-collection.entity.js';
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

interface Outcome {
  data: ChunkHit[];
  cache: CacheOutcome;
}

/**
 * The search path: resolve the collections the caller reaches; embed the query
 * through the embedding cache (exact text), once per embedding profile among
 * them (collections of several models coexist, each searched in its own
 * vectors); look for a cached query close enough in the same scope (the
 * semantic cache); else search. `X-Cache` says `embedding-hit` when this exact
 * text was embedded before (whether or not the semantic cache then answered),
 * `semantic-hit` when another, near query's results answered, `miss`
 * otherwise. Cache writes are queued; a cache that fails is a miss, never a
 * failed search.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('RagSearch');

  constructor(
    private readonly collections: CollectionsService,
    private readonly chunks: ChunkSearchRepository,
    private readonly vectors: VectorSupportService,
    private readonly consent: ConsentCheckCache,
    private readonly embeddings: EmbeddingCache,
    private readonly semantic: SemanticCacheRepository,
    private readonly writer: RagCacheWriter,
    private readonly embedders: EmbedderRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(me: AuthContext, input: SearchInput): Promise<Outcome> {
    // Refuse a bad filter before touching anything else.
    compileFilter(input.filter, 'c', 1);
    // A minor's personal use of the knowledge base is processing: consent is checked here too,
    // from the shared cache (dropped on every instance when the user's consent changes).
    await this.consent.assertProcessingAllowed(me.userId);
    const reachable = await this.collections.searchable(me, input.collection);
    const searchable = reachable.filter(
      (c) =>
        this.embedders.refusal({
          provider: c.embeddingProvider,
          model: c.embeddingModel,
          dimensions: c.embeddingDimensions,
        }) === null,
    );
    if (input.collection && searchable.length === 0) {
      throw new DomainError(
        ErrorCode.Conflict,
        `Collection "${input.collection}" is embedded with a model this service cannot embed with.`,
      );
    }
    if (searchable.length === 0) return { data: [], cache: 'miss' };
    const groups = new Map<string, RagCollection[]>();
    for (const c of searchable) {
      const key = profileKey({
        provider: c.embeddingProvider,
        model: c.embeddingModel,
        dimensions: c.embeddingDimensions,
      });
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const vectorMode = await this.vectors.mode();
    const audiences = [...new Set(reachable.map((c) => c.audience))];
    const outcomes = await Promise.all(
      [...groups.values()].map((group) => this.searchProfile(group, audiences, input, vectorMode)),
    );
    if (outcomes.length === 1) return outcomes[0]!;
    const data = outcomes
      .flatMap((o) => o.data)
      .sort((a, b) => b.score - a.score || a.chunk_id.localeCompare(b.chunk_id))
      .slice(0, input.k);
    const caches = outcomes.map((o) => o.cache);
    const cache: CacheOutcome = caches.every((c) => c === 'embedding-hit')
      ? 'embedding-hit'
      : caches.includes('miss')
        ? 'miss'
        : 'semantic-hit';
    return { data, cache };
  }

  /** Collections of one embedding profile: one query vector, one semantic-cache scope. */
  private async searchProfile(
    searchable: RagCollection[],
    audiences: string[],
    input: SearchInput,
    vectorMode: VectorMode,
  ): Promise<Outcome> {
    const first = searchable[0]!;
    const embedder = this.embedders.for({
      provider: first.embeddingProvider,
      model: first.embeddingModel,
      dimensions: first.embeddingDimensions,
    });
    const { vector, hit: embeddingHit } = await this.embeddings.embedQuery(input.query, embedder);
    const mode = input.mode ?? 'vector';
    const scopeKey = semanticScopeKey({
      collections: searchable.map((c) => ({
        id: c.id,
        generation: c.generation,
        audience: c.audience,
      })),
      audiences,
      provider: embedder.provider,
      model: embedder.model,
      dimensions: embedder.dimensions,
      k: input.k,
      mode,
      filter: input.filter,
      scoreThreshold: input.scoreThreshold,
      words: mode === 'hybrid' ? queryWords(input.query) : undefined,
    });
    const cached = await this.semantic
      .lookup({
        scopeKey,
        vector,
        dimensions: embedder.dimensions,
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
      model: embedder.model,
      dimensions: embedder.dimensions,
      vector,
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
      embedding: vector,
      chunkIds: data.map((d) => d.chunk_id),
      scores: data.map((d) => d.score),
    });
    return { data, cache: embeddingHit ? 'embedding-hit' : 'miss' };
  }
}
