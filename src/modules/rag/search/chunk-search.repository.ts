import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import type { VectorMode } from '../../../platform/database/vector-support.service.js';
import { TEXT_SEARCH_CONFIG } from '../chunks.repository.js';
import { compileFilter } from './metadata-filter.js';

/** Reciprocal rank fusion constant (Cormack et al.): dampens the weight of top ranks. */
export const RRF_K = 60;
/** pgvector's limit of `hnsw.ef_search`. */
const MAX_EF_SEARCH = 1000;
/**
 * The full-text half of hybrid search ranks at most this many matches, and
 * leaves out query words the column's statistics say match more rows than
 * this: ranking every match of a common word is what made hybrid slow, and the
 * keyword half earns its place on the rarer words (names, identifiers) while
 * the vector half covers the rest. The statistics are of the whole table, not
 * of one collection: a word common in a large collection is left out of every
 * collection's keyword half.
 */
export const TEXT_CANDIDATES_MAX = 1000;

/** The HNSW candidate list for a search of `candidates` rows: the configured one, at least twice the rows. */
export function efSearchFor(configured: number, candidates: number): number {
  return Math.min(Math.max(candidates * 2, configured), MAX_EF_SEARCH);
}

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(s: ChunkSearch): Promise<ChunkHit[]> {
    if (!Number.isInteger(s.dimensions) || s.dimensions < 1) throw new Error('bad dimensions');
    const pgvector = s.vectorMode === 'pgvector';
    const candidates = s.mode === 'hybrid' ? Math.max(s.k * 4, 40) : s.k;
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const vector = bind(pgvector ? `[${s.vector.join(',')}]` : `{${s.vector.join(',')}}`);
    const k = bind(s.k);
    const limit = bind(candidates);
    const threshold = bind(s.scoreThreshold ?? null);
    // With pgvector, the scan's settings are set for this statement alone (set_config's
    // is_local, in the statement's own transaction) by a row every collection's subquery
    // depends on laterally, so they are in force before any index scan starts: one round trip.
    const gate = pgvector
      ? `set_config('hnsw.ef_search', ${bind(String(efSearchFor(this.config.rag.hnsw.efSearch, candidates)))}, true) IS NOT NULL
         AND set_config('hnsw.iterative_scan', 'relaxed_order', true) IS NOT NULL`
      : 'true';
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
               AND cardinality(c.embedding) = ${s.dimensions} AND ${filter.sql} AND gate.ready
               AND EXISTS (SELECT 1 FROM rag.collections g WHERE g.id = ${collection}::uuid
                             AND g.embedding_model = ${model}
                             AND g.embedding_dimensions = ${s.dimensions})
             ORDER BY ${distance} LIMIT ${limit})`;
      })
      .join(' UNION ALL ');
    const settings = `settings AS MATERIALIZED (SELECT ${gate} AS ready)`;
    const near = `settings gate CROSS JOIN LATERAL (${nearest}) n`;
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
      sql = `WITH ${settings}, hits AS (SELECT id, 1 - distance AS score FROM ${near}) ${select}`;
    } else {
      const text = bind(s.query);
      const ids = bind(s.collectionIds);
      const cap = bind(TEXT_CANDIDATES_MAX);
      // Words the statistics of `tsv` (its most common elements) say match more than `cap` rows are left out.
      sql = `WITH ${settings},
           common AS (SELECT e.word FROM pg_stats ps
                        JOIN pg_class r ON r.oid = 'rag.chunks'::regclass,
                        unnest(ps.most_common_elems::text::text[], ps.most_common_elem_freqs) AS e(word, freq)
                       WHERE ps.schemaname = 'rag' AND ps.tablename = 'chunks' AND ps.attname = 'tsv'
                         AND e.word IS NOT NULL AND e.freq * r.reltuples > ${cap}),
           q AS (
             SELECT to_tsquery('${TEXT_SEARCH_CONFIG}', coalesce(string_agg(quote_literal(w), ' | '), '')) AS tsq
               FROM unnest(tsvector_to_array(to_tsvector('${TEXT_SEARCH_CONFIG}', ${text}::text))) AS w
              WHERE w NOT IN (SELECT word FROM common)),
           v AS (SELECT id, row_number() OVER (ORDER BY distance, id) AS r FROM ${near}),
           m AS (SELECT c.id, c.tsv FROM rag.chunks c, q
                  WHERE c.collection_id = ANY(${ids}::uuid[]) AND c.tsv @@ q.tsq AND ${filter.sql}
                  LIMIT ${cap}),
           t AS (SELECT m.id, row_number() OVER (ORDER BY ts_rank_cd(m.tsv, q.tsq) DESC, m.id) AS r
                   FROM m, q ORDER BY ts_rank_cd(m.tsv, q.tsq) DESC, m.id LIMIT ${limit}),
           hits AS (SELECT id, sum(1.0 / (${RRF_K} + r))::float8 AS score
                      FROM (SELECT id, r FROM v WHERE r <= ${limit} UNION ALL SELECT id, r FROM t) u
                     GROUP BY id)
           ${select}`;
    }
    const rows = (await this.dataSource.query(sql, params)) as ChunkHit[];
    return rows.map((r) => ({ ...r, score: Number(r.score) }));
  }
}
