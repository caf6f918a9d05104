import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CacheService } from '../../../platform/cache/cache.service.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import { EMBEDDER, type Embedder } from '../embedding/embedder.port.js';
import { Lru } from './lru.js';
import { RagCacheWriter } from './rag-cache.writer.js';
import { decodeVector } from './vector-codec.js';

/** An embedding depends only on its text and the model: it may live long. */
export const EMBEDDING_TTL_SECONDS = 7 * 24 * 3600;
const NEAR_ENTRIES = 2_000;

/**
 * The embedding cache (L1): key (provider, model, dimensions, sha256(text)),
 * for the configured embedder or any other a collection's profile names.
 * A bounded LRU in this process sits in front of the shared cache; the texts
 * it lacks are looked up in one batched read, and only what is still missing
 * goes to the embedder. New vectors reach the shared cache through the
 * `rag-cache` queue, never on the caller's path.
 */
@Injectable()
export class EmbeddingCache {
  private readonly logger = new Logger('RagCache');
  private readonly near = new Lru<number[]>(NEAR_ENTRIES);

  constructor(
    private readonly cache: CacheService,
    private readonly writer: RagCacheWriter,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
  ) {}

  key(text: string, embedder: Embedder = this.embedder): string {
    const { provider, model, dimensions } = embedder;
    const digest = createHash('sha256').update(text).digest('hex');
    return `rag:emb:${provider}:${model}:${dimensions}:${digest}`;
  }

  /**
   * A search query's vector, and whether it came from the cache. An embedder
   * that cannot embed it is a 503 problem (a cached query still answers).
   */
  async embedQuery(
    text: string,
    embedder: Embedder = this.embedder,
  ): Promise<{ vector: number[]; hit: boolean }> {
    try {
      const { vectors, hits } = await this.embed([text], embedder);
      return { vector: vectors[0]!, hit: hits > 0 };
    } catch (err) {
      this.logger.warn(
        `query embedding failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'The embedding service cannot be reached.',
      );
    }
  }

  /** One vector per text, in order; `hits` counts the texts no embedder call was needed for. */
  async embed(
    texts: string[],
    embedder: Embedder = this.embedder,
  ): Promise<{ vectors: number[][]; hits: number }> {
    const keys = texts.map((t) => this.key(t, embedder));
    const vectors: (number[] | undefined)[] = keys.map((k) => this.near.get(k));
    const farKeys = [...new Set(keys.filter((_, i) => !vectors[i]))];
    if (farKeys.length > 0) {
      const found = await this.cache.getMany<unknown>(farKeys);
      const byKey = new Map<string, number[]>();
      farKeys.forEach((k, i) => {
        const v = decodeVector(found[i]);
        if (v?.length === embedder.dimensions) byKey.set(k, v);
      });
      keys.forEach((k, i) => {
        const v = byKey.get(k);
        if (!vectors[i] && v) {
          vectors[i] = v;
          this.near.set(k, v);
        }
      });
    }
    const hits = vectors.filter(Boolean).length;
    const missing = [...new Set(keys.filter((_, i) => !vectors[i]))];
    if (missing.length > 0) {
      const textOf = new Map(keys.map((k, i) => [k, texts[i]!]));
      const fresh = await embedder.embed(missing.map((k) => textOf.get(k)!));
      if (fresh.length !== missing.length || fresh.some((v) => v.length !== embedder.dimensions)) {
        throw new Error(`the embedder answered ${fresh.length} vectors of the wrong size`);
      }
      const byKey = new Map(missing.map((k, i) => [k, fresh[i]!]));
      keys.forEach((k, i) => {
        vectors[i] ??= byKey.get(k);
      });
      for (const [k, v] of byKey) this.near.set(k, v);
      this.writer.embeddings([...byKey].map(([key, vector]) => ({ key, vector })));
    }
    return { vectors: vectors as number[][], hits };
  }
}
