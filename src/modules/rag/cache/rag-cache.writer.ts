import { Injectable, Logger } from '@nestjs/common';
import { QueueService } from '../../../platform/queue/queue.service.js';
import type { JobName, JobPayloads } from '../../../platform/queue/queue.types.js';
import { encodeVector } from './vector-codec.js';

export const CACHE_WRITE_ATTEMPTS = 5;
const CACHE_WRITE_BACKOFF_MS = 200;

/**
 * Hands cache writes to the `rag-cache` queue and returns at once: a search
 * never waits for, nor fails because of, a cache write. The worker (in-process
 * in the embedded default) writes them, retrying a failure with backoff.
 */
@Injectable()
export class RagCacheWriter {
  private readonly logger = new Logger('RagCache');

  constructor(private readonly queue: QueueService) {}

  embeddings(entries: { key: string; vector: number[] }[]): void {
    if (entries.length === 0) return;
    this.send('rag-cache.embeddings', {
      entries: entries.map((e) => ({ key: e.key, vector: encodeVector(e.vector) })),
    });
  }

  semantic(entry: JobPayloads['rag-cache.semantic']): void {
    this.send('rag-cache.semantic', entry);
  }

  private send<N extends JobName>(name: N, payload: JobPayloads[N]): void {
    const enqueue = async () => {
      // Under NODE_ENV=test only: lets tests prove a search survives a queue it cannot reach.
      if (process.env.NODE_ENV === 'test' && process.env.PARLEY_TEST_RAG_CACHE_FAIL === 'enqueue') {
        throw new Error('the queue is unavailable');
      }
      await this.queue.enqueue(name, payload, {
        attempts: CACHE_WRITE_ATTEMPTS,
        backoffMs: CACHE_WRITE_BACKOFF_MS,
      });
    };
    enqueue().catch((err: unknown) => {
      this.logger.warn(
        `cache write not queued (${name}): ${err instanceof Error ? err.message : String(err)}`,
      );
    });
  }
}
