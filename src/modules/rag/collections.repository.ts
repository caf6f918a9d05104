import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Audience, RagCollection } from './entities/rag-collection.entity.js';

const COLUMNS = `id, name, audience, embedding_provider AS "embeddingProvider",
  embedding_model AS "embeddingModel", embedding_dimensions AS "embeddingDimensions",
  embedding_distance AS "embeddingDistance", chunk_size AS "chunkSize",
  chunk_overlap AS "chunkOverlap", generation, created_at AS "createdAt", updated_at AS "updatedAt"`;

export type NewCollection = Omit<RagCollection, 'createdAt' | 'updatedAt' | 'generation'>;

@Injectable()
export class CollectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the name is taken. */
  async insertIfAbsent(c: NewCollection): Promise<RagCollection | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO rag.collections (id, name, audience, embedding_provider, embedding_model,
         embedding_dimensions, embedding_distance, chunk_size, chunk_overlap)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (name) DO NOTHING RETURNING ${COLUMNS}`,
      [
        c.id,
        c.name,
        c.audience,
        c.embeddingProvider,
        c.embeddingModel,
        c.embeddingDimensions,
        c.embeddingDistance,
        c.chunkSize,
        c.chunkOverlap,
      ],
    )) as RagCollection[];
    return rows[0] ?? null;
  }

  async findByName(name: string, manager?: EntityManager): Promise<RagCollection | null> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM rag.collections WHERE name = $1`,
      [name],
    )) as RagCollection[];
    return rows[0] ?? null;
  }

  async findById(id: string, manager?: EntityManager): Promise<RagCollection | null> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM rag.collections WHERE id = $1`,
      [id],
    )) as RagCollection[];
    return rows[0] ?? null;
  }

  /** A page in name order; `audiences` undefined means every audience (admins). */
  page(audiences: Audience[] | undefined, limit: number, after?: string): Promise<RagCollection[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM rag.collections
        WHERE ($1::text[] IS NULL OR audience = ANY($1)) AND ($2::text IS NULL OR name > $2)
        ORDER BY name LIMIT $3`,
      [audiences ?? null, after ?? null, limit + 1],
    ) as Promise<RagCollection[]>;
  }

  all(audiences?: Audience[]): Promise<RagCollection[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM rag.collections
        WHERE ($1::text[] IS NULL OR audience = ANY($1)) ORDER BY name`,
      [audiences ?? null],
    ) as Promise<RagCollection[]>;
  }

  /** Serialises writers of one collection's chunks against each other and against its deletion. */
  async lockForWrite(id: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT id FROM rag.collections WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    )) as unknown[];
    return rows.length > 0;
  }

  /**
   * Its searchable content changed (ingest, document removal): caches keyed by
   * the generation go stale at once, and its semantic-cache entries go now.
   */
  async bumpGeneration(id: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE rag.collections SET generation = generation + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
    await dropSemanticEntries(id, manager);
  }

  /** Deletes the collection with its documents and chunks, counting each. */
  async deleteCounting(
    name: string,
  ): Promise<{ id: string; documents: number; chunks: number } | null> {
    return this.dataSource.transaction(async (manager) => {
      const found = (await manager.query(
        `SELECT id FROM rag.collections WHERE name = $1 FOR UPDATE`,
        [name],
      )) as { id: string }[];
      const id = found[0]?.id;
      if (!id) return null;
      const [, chunks] = (await manager.query(`DELETE FROM rag.chunks WHERE collection_id = $1`, [
        id,
      ])) as [unknown, number];
      const [, documents] = (await manager.query(
        `DELETE FROM rag.documents WHERE collection_id = $1`,
        [id],
      )) as [unknown, number];
      await manager.query(`DELETE FROM rag.collections WHERE id = $1`, [id]);
      await dropSemanticEntries(id, manager);
      return { id, documents, chunks };
    });
  }
}

export async function dropSemanticEntries(
  collectionId: string,
  manager: EntityManager,
): Promise<void> {
  await manager.query(
    `DELETE FROM cache.rag_semantic_entries WHERE collection_ids @> ARRAY[$1]::uuid[]`,
    [collectionId],
  );
}
