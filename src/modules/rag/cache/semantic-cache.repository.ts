import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { uuidv7 } from '../../../platform/database/uuid.js';
import type { VectorMode } from '../../../platform/database/vector-support.service.js';
import type { JobPayloads } from '../../../platform/queue/queue.types.js';
import type { ChunkHit } from '../search/chunk-search.repository.js';

/** A semantic entry answers for this long at most, even while its generations hold. */
export const SEMANTIC_TTL_SECONDS = 24 * 3600;

export interface SemanticScope {
  collections: { id: string; generation: number; audience: string }[];
  audiences: string[];
  provider: string;
  model: string;
  dimensions: number;
  k: number;
  mode: 'vector' | 'hybrid';
  filter?: Record<string, unknown>;
  scoreThreshold?: number;
  /**
   * Hybrid only: the query's words. Its full-text half ranks by the words, not
   * the embedding, so a near embedding alone would not answer the same question.
   */
  words?: string;
}

/** sha256 of the scope with keys in a fixed order, so equal questions share a key. */
export function semanticScopeKey(s: SemanticScope): string {
  const collections = [...s.collections].sort((a, b) => a.id.localeCompare(b.id));
  const canonical = canonicalJson({
    collections: collections.map((c) => [c.id, c.generation, c.audience]),
    audiences: [...s.audiences].sort(),
    embedder: [s.provider, s.model, s.dimensions],
    k: s.k,
    mode: s.mode,
    filter: s.filter ?? null,
    scoreThreshold: s.scoreThreshold ?? null,
    words: s.words ?? null,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** Lower-cased words of a text, in order: what the full-text half of hybrid search sees. */
export function queryWords(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The semantic cache lives in PostgreSQL (`cache.rag_semantic_entries`), not
 * Redis: finding "a cached query close enough" is a vector search, and here it
 * runs on the same machinery as chunk search (pgvector's `<=>`, or
 * `rag.cosine_distance` in an exact scan) in both run modes (the embedded
 * default has no Redis), and a generation bump can drop a collection's entries
 * in the transaction that changes its chunks.
 */
@Injectable()
export class SemanticCacheRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The nearest entry of the scope within `maxDistance`, its chunks read again (stored order and scores). */
  async lookup(input: {
    scopeKey: string;
    vector: number[];
    dimensions: number;
    maxDistance: number;
    vectorMode: VectorMode;
  }): Promise<ChunkHit[] | undefined> {
    const n = input.dimensions;
    if (!Number.isInteger(n) || n < 1) throw new Error('bad dimensions');
    const pgvector = input.vectorMode === 'pgvector';
    const distance = pgvector
      ? `(e.query_embedding::vector(${n}) <=> $2::vector(${n}))`
      : `rag.cosine_distance(e.query_embedding, $2::real[])`;
    const vector = pgvector ? `[${input.vector.join(',')}]` : `{${input.vector.join(',')}}`;
    // The scope's entries are few (one per distinct question): an exact scan of them is cheap.
    // The entry and its chunks, read again, in one statement: a row of nulls is an entry whose
    // chunks are all gone.
    const rows = (await this.dataSource.query(
      `WITH e AS (
         SELECT e.chunk_ids, e.scores, e.collection_ids FROM cache.rag_semantic_entries e
          WHERE e.scope_key = $1 AND e.created_at > now() - make_interval(secs => $4)
            AND array_length(e.query_embedding, 1) = ${n}
            AND ${distance} <= $3
          ORDER BY ${distance}, e.id
          LIMIT 1)
       SELECT h.* FROM e LEFT JOIN LATERAL (
         SELECT c.id AS chunk_id, c.document_id, col.name AS collection, d.title, c.content,
                c.metadata, s.score, s.n
           FROM unnest(e.chunk_ids, e.scores) WITH ORDINALITY AS s(id, score, n)
           JOIN rag.chunks c ON c.id = s.id AND c.collection_id = ANY(e.collection_ids)
           JOIN rag.documents d ON d.id = c.document_id
           JOIN rag.collections col ON col.id = c.collection_id) h ON true
        ORDER BY h.n`,
      [input.scopeKey, vector, input.maxDistance, SEMANTIC_TTL_SECONDS],
    )) as (ChunkHit & { n: string | null })[];
    if (rows.length === 0) return undefined;
    return rows
      .filter((r) => r.chunk_id !== null)
      .map(({ n: _n, ...hit }) => ({ ...hit, score: Number(hit.score) }));
  }

  /** False when a collection moved past the entry's generation meanwhile: the entry would never be read. */
  async store(entry: JobPayloads['rag-cache.semantic']): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const current = (await manager.query(
        `SELECT count(*)::int AS n FROM rag.collections c
           JOIN unnest($1::uuid[], $2::int[]) AS s(id, generation) ON s.id = c.id
          WHERE c.generation = s.generation`,
        [entry.collectionIds, entry.generations],
      )) as { n: number }[];
      if (current[0]?.n !== entry.collectionIds.length) return false;
      await manager.query(
        `DELETE FROM cache.rag_semantic_entries
          WHERE scope_key = $1 AND created_at <= now() - make_interval(secs => $2)`,
        [entry.scopeKey, SEMANTIC_TTL_SECONDS],
      );
      await manager.query(
        `INSERT INTO cache.rag_semantic_entries
           (id, scope_key, collection_ids, generations, query_embedding, chunk_ids, scores)
         VALUES ($1, $2, $3::uuid[], $4::int[], $5::real[], $6::uuid[], $7::float8[])`,
        [
          uuidv7(),
          entry.scopeKey,
          entry.collectionIds,
          entry.generations,
          `{${entry.embedding.join(',')}}`,
          entry.chunkIds,
          entry.scores,
        ],
      );
      return true;
    });
  }
}
