import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { isUuid } from '../../../platform/database/uuid.js';
import { VectorSupportService } from '../../../platform/database/vector-support.service.js';
import type { RagCollection } from '../entities/rag-collection.entity.js';

/**
 * The HNSW index of one collection at one size: a partial expression index
 * over its rows of that many dimensions only. A model change to another size
 * fills a second one, and the switch moves every row from one to the other.
 */
export function hnswIndexName(collectionId: string, dimensions: number): string {
  return `${indexPrefix(collectionId)}_${dimensions}`;
}

function indexPrefix(collectionId: string): string {
  return `ix_rag_chunks_hnsw_${collectionId.replace(/-/g, '')}`;
}

/**
 * Creates and drops the per-collection HNSW indexes where pgvector is on. They
 * are not in the migrations (which must run on servers without pgvector), so
 * start-up makes sure every collection has one: after pgvector arrives on a
 * server, the next start indexes what was scanned exactly before.
 */
@Injectable()
export class VectorIndexes implements OnApplicationBootstrap {
  private readonly logger = new Logger('Vectors');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vectors: VectorSupportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.vectors.hasPgvector())) return;
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.embedding_dimensions AS "embeddingDimensions",
              (SELECT p.dimensions FROM rag.embedding_profiles p
                WHERE p.collection_id = c.id AND p.status = 'building') AS "building"
         FROM rag.collections c`,
    )) as (Pick<RagCollection, 'id' | 'embeddingDimensions'> & { building: number | null })[];
    for (const c of rows) {
      await this.ensure(c);
      // An index of another size: the unsized one of earlier releases, or left by a switch.
      // While a model change is building, its index stays.
      if (c.building === null) await this.drop(c.id, c.embeddingDimensions);
    }
  }

  async ensure(c: Pick<RagCollection, 'id' | 'embeddingDimensions'>): Promise<void> {
    if (!(await this.vectors.hasPgvector())) return;
    // Identifiers and literals of DDL cannot be bound: both come from our own rows, checked here.
    if (!isUuid(c.id) || !Number.isInteger(c.embeddingDimensions)) {
      throw new Error(`refusing to index collection ${c.id}`);
    }
    const { m, efConstruction } = this.config.rag.hnsw;
    try {
      await this.dataSource.query(
        `CREATE INDEX IF NOT EXISTS "${hnswIndexName(c.id, c.embeddingDimensions)}" ON rag.chunks
           USING hnsw ((embedding::vector(${c.embeddingDimensions})) vector_cosine_ops)
           WITH (m = ${m}, ef_construction = ${efConstruction})
           WHERE collection_id = '${c.id}' AND cardinality(embedding) = ${c.embeddingDimensions}`,
      );
    } catch (err) {
      // Another instance creating the same index at the same moment.
      if ((err as { code?: string }).code !== '23505') throw err;
    }
  }

  /** Every HNSW index of the collection but the one of `keepDimensions` (none kept when omitted). */
  async drop(collectionId: string, keepDimensions?: number): Promise<void> {
    if (!(await this.vectors.hasPgvector()) || !isUuid(collectionId)) return;
    const rows = (await this.dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'rag' AND tablename = 'chunks'
          AND (indexname = $1 OR indexname LIKE $2)`,
      [indexPrefix(collectionId), `${indexPrefix(collectionId)}\\_%`],
    )) as { indexname: string }[];
    const keep = keepDimensions && hnswIndexName(collectionId, keepDimensions);
    for (const { indexname } of rows) {
      if (indexname === keep) continue;
      await this.dataSource.query(`DROP INDEX IF EXISTS rag."${indexname}"`);
      this.logger.debug(`dropped ${indexname}`);
    }
  }
}
