import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';

/** The text search configuration of chunks and queries: language-neutral, no stemming. */
export const TEXT_SEARCH_CONFIG = 'simple';

export interface StoredChunkRef {
  id: string;
  chunkKey: string;
}

export interface NewChunk {
  ordinal: number;
  content: string;
  tokenCount: number;
  chunkKey: string;
  embedding: number[];
}

@Injectable()
export class ChunksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Embeddings already made for these keys anywhere in the collection (same key: same model). */
  async embeddingsByKey(collectionId: string, keys: string[]): Promise<Map<string, number[]>> {
    if (keys.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (chunk_key) chunk_key AS "chunkKey", embedding
         FROM rag.chunks WHERE collection_id = $1 AND chunk_key = ANY($2::char(64)[])`,
      [collectionId, keys],
    )) as { chunkKey: string; embedding: number[] }[];
    return new Map(rows.map((r) => [r.chunkKey, r.embedding.map(Number)]));
  }

  async refsOfDocument(documentId: string, manager: EntityManager): Promise<StoredChunkRef[]> {
    return (await manager.query(
      `SELECT id, chunk_key AS "chunkKey" FROM rag.chunks WHERE document_id = $1 ORDER BY ordinal`,
      [documentId],
    )) as StoredChunkRef[];
  }

  async deleteByIds(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`DELETE FROM rag.chunks WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Kept chunks move to their new position and take the document's current metadata. */
  async reposition(
    moves: { id: string; ordinal: number }[],
    metadata: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    if (moves.length === 0) return;
    await manager.query(
      `UPDATE rag.chunks c SET ordinal = m.ordinal,
              metadata = $3::jsonb || jsonb_build_object('ordinal', m.ordinal)
         FROM unnest($1::uuid[], $2::int[]) AS m(id, ordinal) WHERE c.id = m.id`,
      [moves.map((m) => m.id), moves.map((m) => m.ordinal), JSON.stringify(metadata)],
    );
  }

  async insertMany(
    collectionId: string,
    documentId: string,
    metadata: Record<string, unknown>,
    chunks: NewChunk[],
    manager: EntityManager,
  ): Promise<void> {
    // Bounded statements: a long document inserts in slices, each one statement over arrays
    // (a vector travels as one array literal, parsed by the server, not as JSON elements).
    for (let i = 0; i < chunks.length; i += 500) {
      const slice = chunks.slice(i, i + 500);
      await manager.query(
        `INSERT INTO rag.chunks (id, document_id, collection_id, ordinal, content, token_count,
           metadata, chunk_key, embedding, tsv)
         SELECT c.id, $1, $2, c.ordinal, c.content, c.token_count,
                $3::jsonb || jsonb_build_object('ordinal', c.ordinal), c.chunk_key,
                c.embedding::real[], to_tsvector('${TEXT_SEARCH_CONFIG}', c.content)
           FROM unnest($4::uuid[], $5::int[], $6::text[], $7::int[], $8::text[], $9::text[])
                AS c(id, ordinal, content, token_count, chunk_key, embedding)`,
        [
          documentId,
          collectionId,
          JSON.stringify(metadata),
          slice.map(() => uuidv7()),
          slice.map((c) => c.ordinal),
          slice.map((c) => c.content),
          slice.map((c) => c.tokenCount),
          slice.map((c) => c.chunkKey),
          slice.map((c) => `{${c.embedding.join(',')}}`),
        ],
      );
    }
  }
}
