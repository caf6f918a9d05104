import { Inject, Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '../../platform/async/with-timeout.js';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import { PermanentJobError } from '../../platform/queue/permanent-job-error.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import type { JobPayloads } from '../../platform/queue/queue.types.js';
import { ConsentCheckCache } from '../consent/consent-check.cache.js';
import { ConsentService } from '../consent/consent.service.js';
import { EmbeddingCache } from '../rag/cache/embedding-cache.js';
import { EMBEDDER, type Embedder } from '../rag/embedding/embedder.port.js';
import type { MemorySearchHitDto } from './dto/memory-search.dto.js';
import { MemoryItemsRepository } from './memory-items.repository.js';

export const EMBED_ITEM_JOB = 'memory-lake.embed-item';
const EMBED_ATTEMPTS = 5;
/** How long a write waits for the queue to take its embedding job, and how long a fault is believed. */
const ENQUEUE_TIMEOUT_MS = 2_000;
const QUEUE_RETRY_AFTER_MS = 5_000;

export interface MemorySearch {
  query: string;
  prefix?: string;
  k: number;
}

/**
 * Semantic search over a user's memory items that have text. Every write
 * queues an embedding job (`memory-lake`, run by the worker); the job embeds
 * the item's current text through the RAG embedding cache and stores the
 * vector in the item's own row, unless the text changed meanwhile. An item is
 * searchable once embedded; its embedding goes whenever the row goes.
 */
@Injectable()
export class MemorySearchService {
  private readonly logger = new Logger('MemorySearch');
  private queueDownUntil = 0;

  constructor(
    private readonly items: MemoryItemsRepository,
    private readonly queue: QueueService,
    private readonly embeddings: EmbeddingCache,
    private readonly consentCache: ConsentCheckCache,
    private readonly consent: ConsentService,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
  ) {}

  /** `provider:model:dimensions`: vectors of one profile only are ever compared. */
  get profile(): string {
    return `${this.embedder.provider}:${this.embedder.model}:${this.embedder.dimensions}`;
  }

  /**
   * After a write of an item with text: one job per write, each embedding what
   * the item holds then. The embedding is derived from the item, so a queue
   * that cannot be reached never fails the write that was already stored (the
   * memory lake stores summaries directly while Redis is away): the item is
   * searchable again once a later write of it is embedded.
   */
  async queueEmbedding(userId: string, namespace: string, key: string): Promise<void> {
    if (Date.now() < this.queueDownUntil) return;
    try {
      await withTimeout(
        this.queue.enqueue(
          EMBED_ITEM_JOB,
          { userId, namespace, key },
          { attempts: EMBED_ATTEMPTS, backoffMs: 500 },
        ),
        ENQUEUE_TIMEOUT_MS,
      );
    } catch (err) {
      if (Date.now() >= this.queueDownUntil) {
        this.logger.warn(
          `queue unreachable (${err instanceof Error ? err.message : String(err)}); memory items stored without their embedding`,
        );
      }
      this.queueDownUntil = Date.now() + QUEUE_RETRY_AFTER_MS;
    }
  }

  @JobHandler(EMBED_ITEM_JOB)
  async embedItem(
    payload: JobPayloads[typeof EMBED_ITEM_JOB],
  ): Promise<{ outcome: 'embedded' | 'unchanged' | 'superseded' }> {
    const { userId, namespace, key } = payload;
    const profile = this.profile;
    const text = await this.items.textToEmbed(userId, namespace, key, profile);
    if (text === null) return { outcome: 'unchanged' };
    // Embedding a minor's text is processing: consent is asked again, it may have gone since the write.
    await this.consent.assertProcessingAllowed(userId).catch((err: unknown) => {
      throw new PermanentJobError(err instanceof Error ? err.message : String(err));
    });
    const {
      vectors: [vector],
    } = await this.embeddings.embed([text]);
    const stored = await this.items.setEmbedding(userId, namespace, key, text, vector!, profile);
    return { outcome: stored ? 'embedded' : 'superseded' };
  }

  async search(userId: string, input: MemorySearch): Promise<MemorySearchHitDto[]> {
    await this.consentCache.assertProcessingAllowed(userId);
    const { vector } = await this.embeddings.embedQuery(input.query);
    const rows = await this.items.nearest(userId, input.prefix, vector, this.profile, input.k);
    return rows.map((r) => ({
      namespace: r.namespace,
      key: r.key,
      value: r.value,
      score: r.score,
    }));
  }
}
