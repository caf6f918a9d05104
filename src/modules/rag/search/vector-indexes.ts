import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { isUuid } from '../../../platform/database/uuid.js';
import { VectorSupportService } from '../../../platform/database/vector-support.service.js';
import type { RagCollection } from '../entities/rag-collection.entity.js';

/** The HNSW index of one collection: a partial expression index over its rows only. */
export function hnswIndexName(collectionId: string): string {
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
      `SELECT id, embedding_dimensions AS "embeddingDimensions" FROM rag.collections`,
    )) as Pick<RagCollection, 'id' | 'embeddingDimensions'>[];
    for (const c of rows) await this.ensure(c);
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
        `CREATE INDEX IF NOT EXISTS "${hnswIndexName(c.id)}" ON rag.chunks
           USING hnsw ((embedding::vector(${c.embeddingDimensions})) vector_cosine_ops)
           WITH (m = ${m}, ef_construction = ${efConstruction})
           WHERE collection_id = '${c.id}'`,
      );
    } catch (err) {
      // Another instance creating the same index at the same moment.
      if ((err as { code?: string }).code !== '23505') throw err;
    }
  }

  async drop(collectionId: string): Promise<void> {
    if (!(await this.vectors.hasPgvector()) || !isUuid(collectionId)) return;
    await this.dataSource.query(`DROP INDEX IF EXISTS rag."${hnswIndexName(collectionId)}"`);
    this.logger.debug(`dropped the HNSW index of ${collectionId}`);
  }
}
