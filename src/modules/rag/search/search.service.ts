import { Inject, Injectable } from '@nestjs/common';
import { VectorSupportService } from '../../../platform/database/vector-support.service.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { ConsentService } from '../../consent/consent.service.js';
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

/**
 * The search path. Today: resolve the collections the caller reaches, embed
 * the query, search. The embedding and semantic caches go in front of the
 * embed and the search without changing callers.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly collections: CollectionsService,
    private readonly chunks: ChunkSearchRepository,
    private readonly vectors: VectorSupportService,
    private readonly consent: ConsentService,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
  ) {}

  async search(me: AuthContext, input: SearchInput): Promise<{ data: ChunkHit[]; cache: 'miss' }> {
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
    const [vector] = await this.embedder.embed([input.query]);
    const data = await this.chunks.search({
      collectionIds: searchable.map((c) => c.id),
      dimensions: this.embedder.dimensions,
      vector: vector!,
      query: input.query,
      k: input.k,
      filter: input.filter,
      mode: input.mode ?? 'vector',
      scoreThreshold: input.scoreThreshold,
      vectorMode: await this.vectors.mode(),
    });
    return { data, cache: 'miss' };
  }
}
