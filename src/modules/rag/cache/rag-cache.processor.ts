import { Injectable } from '@nestjs/common';
import { CacheService } from '../../../platform/cache/cache.service.js';
import { JobHandler } from '../../../platform/queue/job-handler.decorator.js';
import type { JobPayloads } from '../../../platform/queue/queue.types.js';
import { EMBEDDING_TTL_SECONDS } from './embedding-cache.js';
import { SemanticCacheRepository } from './semantic-cache.repository.js';
import { encodeVector } from './vector-codec.js';

/** Drains `rag-cache` in the worker (in-process in the embedded default); a throw is retried. */
@Injectable()
export class RagCacheProcessor {
  constructor(
    private readonly cache: CacheService,
    private readonly semantic: SemanticCacheRepository,
  ) {}

  @JobHandler('rag-cache.embeddings')
  async embeddings(payload: JobPayloads['rag-cache.embeddings']): Promise<{ written: number }> {
    failForTests();
    await this.cache.setMany(
      // Stored encoded; a job queued before vectors travelled encoded carries an array.
      payload.entries.map((e) => ({
        key: e.key,
        value: typeof e.vector === 'string' ? e.vector : encodeVector(e.vector),
      })),
      EMBEDDING_TTL_SECONDS,
    );
    return { written: payload.entries.length };
  }

  @JobHandler('rag-cache.semantic')
  async semanticEntry(payload: JobPayloads['rag-cache.semantic']): Promise<{ stored: boolean }> {
    failForTests();
    return { stored: await this.semantic.store(payload) };
  }
}

/** Under NODE_ENV=test only: PARLEY_TEST_RAG_CACHE_FAIL=write makes every cache write fail. */
function failForTests(): void {
  if (process.env.NODE_ENV === 'test' && process.env.PARLEY_TEST_RAG_CACHE_FAIL === 'write') {
    throw new Error('the cache store refused the write');
  }
}
