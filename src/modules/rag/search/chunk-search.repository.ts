import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { VectorMode } from '../../../platform/database/vector-support.service.js';
import { TEXT_SEARCH_CONFIG } from '../chunks.repository.js';
import { compileFilter } from './metadata-filter.js';

/** Reciprocal rank fusion constant (Cormack et al.): dampens the weight of top ranks. */
export const RRF_K = 60;
/** HNSW's candidate list is at least this long, and at most pgvector's limit. */
const MIN_EF_SEARCH = 40;
const MAX_EF_SEARCH = 1000;

export interface ChunkSearch {
  collectionIds: string[];
  /** The profile the query vector was made with: every collection searched must still have it. */
  model: string;
  dimensions: number;
  vector: number[];
  query: string;
  k: number;
  filter?: Record<string, unknown>;
  mode: 'vector' | 'hybrid';
  scoreThreshold?: number;
  vectorMode: VectorMode;
}

export interface ChunkHit {
  chunk_id: string;
  document_id: string;
  collection: string;
  title: string;
  content: string;
  score: number;
  metadata: Record<string, unknown>;
}

/**
 * Vector and hybrid search in one statement each. With pgvector, each
 * collection's subquery orders by `<=>` on the expression its partial HNSW
 * index covers, with an iterative scan so a selective filter still fills k;
 * without it, `rag.cosine_distance` orders an exact scan in the database.
 */
@Injectable()
export class ChunkSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  search(s: ChunkSearch): Promise<ChunkHit[]> {
    if (!Number.isInteger(s.dimensions) || s.dimensions < 1) throw new Error('bad dimensions');
    const pgvector = s.vectorMode === 'pgvector';
    const candidates = s.mode === 'hybrid' ? Math.max(s.k * 4, 40) : s.k;
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const vector = bind(pgvector ? `[${s.vector.join(',')}]` : `{${s.vector.join(',')}}`);
    const k = bind(s.k);
    const limit = bind(candidates);
    const threshold = bind(s.scoreThreshold ?? null);
    const filter = compileFilter(s.filter, 'c', params.length + 1);
    params.push(...filter.params);
    const distance = pgvector
      ? `(c.embedding::vector(${s.dimensions}) <=> ${vector}::vector(${s.dimensions}))`
      : `rag.cosine_distance(c.embedding, ${vector}::real[])`;
    // One subquery per collection, each naming its id: the planner then uses that collection's partial index.
    const model = bind(s.model);
    // The size condition is the predicate of the collection's partial index; the profile check
    // makes a search that raced a model change's switch skip the collection rather than compare
    // vectors of two models.
    const nearest = s.collectionIds
      .map((id) => {
        const collection = bind(id);
        return `(SELECT c.id, ${distance} AS distance FROM rag.chunks c
             WHERE c.collection_id = ${collection}::uuid
               AND cardinality(c.embedding) = ${s.dimensions} AND ${filter.sql}
               AND EXISTS (SELECT 1 FROM rag.collections g WHERE g.id = ${collection}::uuid
                             AND g.embedding_model = ${model}
                             AND g.embedding_dimensions = ${s.dimensions})
             ORDER BY ${distance} LIMIT ${limit})`;
      })
      .join(' UNION ALL ');
    const select = `SELECT c.id AS chunk_id, c.document_id, col.name AS collection, d.title,
                   c.content, h.score, c.metadata
              FROM hits h
              JOIN rag.chunks c ON c.id = h.id
              JOIN rag.documents d ON d.id = c.document_id
              JOIN rag.collections col ON col.id = c.collection_id
             WHERE ${threshold}::float8 IS NULL OR h.score >= ${threshold}::float8
             ORDER BY h.score DESC, c.id
             LIMIT ${k}`;
    let sql: string;
    if (s.mode === 'vector') {
      sql = `WITH hits AS (SELECT id, 1 - distance AS score FROM (${nearest}) n) ${select}`;
    } else {
      const text = bind(s.query);
      const ids = bind(s.collectionIds);
      sql = `WITH q AS (
             SELECT to_tsquery('${TEXT_SEARCH_CONFIG}', coalesce(string_agg(quote_literal(w), ' | '), '')) AS tsq
               FROM unnest(tsvector_to_array(to_tsvector('${TEXT_SEARCH_CONFIG}', ${text}::text))) AS w),
           v AS (SELECT id, row_number() OVER (ORDER BY distance, id) AS r FROM (${nearest}) n),
           t AS (SELECT c.id, row_number() OVER (ORDER BY ts_rank_cd(c.tsv, q.tsq) DESC, c.id) AS r
                   FROM rag.chunks c, q
                  WHERE c.collection_id = ANY(${ids}::uuid[]) AND c.tsv @@ q.tsq AND ${filter.sql}
                  ORDER BY ts_rank_cd(c.tsv, q.tsq) DESC, c.id LIMIT ${limit}),
           hits AS (SELECT id, sum(1.0 / (${RRF_K} + r))::float8 AS score
                      FROM (SELECT id, r FROM v WHERE r <= ${limit} UNION ALL SELECT id, r FROM t) u
                     GROUP BY id)
           ${select}`;
    }
    return this.dataSource.transaction(async (manager) => {
      if (pgvector) {
        const ef = Math.min(Math.max(candidates * 2, MIN_EF_SEARCH), MAX_EF_SEARCH);
        await manager.query(
          `SELECT set_config('hnsw.ef_search', $1, true),
                  set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
          [String(ef)],
        );
      }
      const rows = (await manager.query(sql, params)) as ChunkHit[];
      return rows.map((r) => ({ ...r, score: Number(r.score) }));
    });
  }
}
