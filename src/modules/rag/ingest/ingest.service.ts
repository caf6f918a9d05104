import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { PermanentJobError } from '../../../platform/queue/permanent-job-error.js';
import { EmbeddingCache } from '../cache/embedding-cache.js';
import { ChunksRepository, type NewChunk } from '../chunks.repository.js';
import { CollectionsRepository } from '../collections.repository.js';
import { DocumentsRepository } from '../documents.repository.js';
import { EmbedderRegistry } from '../embedding/embedder-registry.js';
import { DocumentStatus } from '../entities/rag-document.entity.js';
import { RagMetrics } from '../rag-metrics.js';
import { chunkKey, splitText } from './splitter.js';

export interface IngestOutcome {
  outcome: 'ingested' | 'unchanged' | 'superseded' | 'gone';
  chunks: number;
  embedded: number;
  reused: number;
}

/**
 * Turns a document's content into its searchable chunks. Idempotent: chunks
 * are keyed by sha256(text + splitter settings + model), so only chunks whose
 * key is new are embedded, and the switch from the old set to the new is one
 * transaction; until it commits (or if embedding fails) the previous version
 * stays searchable.
 */
@Injectable()
export class IngestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly collections: CollectionsRepository,
    private readonly chunks: ChunksRepository,
    private readonly metrics: RagMetrics,
    private readonly embedders: EmbedderRegistry,
    private readonly embeddingCache: EmbeddingCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ingest(documentId: string, sha256: string): Promise<IngestOutcome> {
    const none = { chunks: 0, embedded: 0, reused: 0 };
    const doc = await this.documents.findWithContent(documentId);
    if (!doc) return { outcome: 'gone', ...none };
    if (doc.contentSha256 !== sha256) return { outcome: 'superseded', ...none };
    const collection = await this.collections.findById(doc.collectionId);
    if (!collection) return { outcome: 'gone', ...none };
    const profile = {
      provider: collection.embeddingProvider,
      model: collection.embeddingModel,
      dimensions: collection.embeddingDimensions,
    };
    const refused = this.embedders.refusal(profile);
    if (refused) {
      throw new PermanentJobError(`collection ${collection.name} cannot be embedded: ${refused}`);
    }
    const embedder = this.embedders.for(profile);
    const settings = { chunkSize: collection.chunkSize, chunkOverlap: collection.chunkOverlap };
    const pieces = (await splitText(doc.content, settings)).map((p) => ({
      ...p,
      chunkKey: chunkKey(p.content, settings, collection.embeddingModel),
    }));
    const total = pieces.length;
    const known = await this.chunks.embeddingsByKey(collection.id, [
      ...new Set(pieces.map((p) => p.chunkKey)),
    ]);
    const missing = [...new Set(pieces.map((p) => p.chunkKey).filter((key) => !known.has(key)))];
    const textOf = new Map(pieces.map((p) => [p.chunkKey, p.content]));
    let done = total - pieces.filter((p) => !known.has(p.chunkKey)).length;
    await this.documents.setProgress(doc.id, sha256, {
      status: DocumentStatus.Processing,
      done,
      total,
    });
    const batch = this.config.rag.embedBatchSize;
    for (let i = 0; i < missing.length; i += batch) {
      const keys = missing.slice(i, i + batch);
      // Through the embedding cache: a chunk text any collection of this model embedded before costs no call.
      const { vectors, hits } = await this.embeddingCache.embed(
        keys.map((key) => textOf.get(key)!),
        embedder,
      );
      if (
        vectors.length !== keys.length ||
        vectors.some((v) => v.length !== collection.embeddingDimensions)
      ) {
        throw new Error(`the embedder answered ${vectors.length} vectors of the wrong size`);
      }
      keys.forEach((key, j) => known.set(key, vectors[j]!));
      this.metrics.countEmbedded(collection.embeddingModel, keys.length - hits);
      done += pieces.filter((p) => keys.includes(p.chunkKey)).length;
      await this.documents.setProgress(doc.id, sha256, { done, total });
    }
    const reused = total - missing.length;
    this.metrics.countReused(collection.embeddingModel, Math.max(0, reused));
    const applied = await this.dataSource.transaction(async (manager) => {
      // Collection first, then document, then chunks: the order deletes take too, so no deadlock.
      if (!(await this.collections.lockForWrite(collection.id, manager))) return false;
      // A model change switched the collection meanwhile: these vectors are of the old model.
      const now = await this.collections.findById(collection.id, manager);
      if (
        now?.embeddingModel !== collection.embeddingModel ||
        now.embeddingDimensions !== collection.embeddingDimensions
      ) {
        throw new Error(`collection ${collection.name} changed its model during the ingest`);
      }
      const current = await this.documents.findWithContent(doc.id, manager, true);
      if (!current || current.contentSha256 !== sha256) return false;
      const stored = await this.chunks.refsOfDocument(doc.id, manager);
      // Pair each new chunk with a stored one of the same key; what is left over goes.
      const free = new Map<string, string[]>();
      for (const s of stored) free.set(s.chunkKey, [...(free.get(s.chunkKey) ?? []), s.id]);
      const moves: { id: string; ordinal: number }[] = [];
      const inserts: NewChunk[] = [];
      for (const p of pieces) {
        const id = free.get(p.chunkKey)?.shift();
        if (id) moves.push({ id, ordinal: p.ordinal });
        else inserts.push({ ...p, embedding: known.get(p.chunkKey)! });
      }
      const leftovers = [...free.values()].flat();
      await this.chunks.deleteByIds(leftovers, manager);
      await this.chunks.reposition(moves, current.metadata, manager);
      await this.chunks.insertMany(collection.id, doc.id, current.metadata, inserts, manager);
      await this.documents.markReady(doc.id, sha256, total, manager);
      if (leftovers.length > 0 || inserts.length > 0 || current.indexedSha256 !== sha256) {
        await this.collections.bumpGeneration(collection.id, manager);
      }
      return true;
    });
    if (!applied) return { outcome: 'superseded', ...none };
    return {
      outcome: missing.length === 0 ? 'unchanged' : 'ingested',
      chunks: total,
      embedded: missing.length,
      reused,
    };
  }

  /** Records why an attempt failed; the last one marks the document failed. */
  async recordFailure(
    documentId: string,
    sha256: string,
    err: unknown,
    final: boolean,
  ): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    await this.documents.markFailed(documentId, sha256, message, final);
  }
}
