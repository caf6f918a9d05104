import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { dropSemanticEntries } from './collections.repository.js';
import {
  DocumentStatus,
  type RagDocument,
  type SourceKind,
} from './entities/rag-document.entity.js';

/** Every column but the content, which only the ingest job reads. */
const COLUMNS = `id, collection_id AS "collectionId", title, source_kind AS "sourceKind", metadata,
  content_sha256 AS "contentSha256", status, error, chunks_done AS "chunksDone",
  chunks_total AS "chunksTotal", indexed_sha256 AS "indexedSha256", created_at AS "createdAt",
  updated_at AS "updatedAt", indexed_at AS "indexedAt"`;

export interface DocumentSource {
  title: string;
  sourceKind: SourceKind;
  metadata: Record<string, unknown>;
  content: string;
  contentSha256: string;
}

@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(id: string, collectionId: string, source: DocumentSource): Promise<RagDocument> {
    const rows = (await this.dataSource.query(
      `INSERT INTO rag.documents (id, collection_id, title, source_kind, metadata, content,
         content_sha256, status)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        id,
        collectionId,
        source.title,
        source.sourceKind,
        JSON.stringify(source.metadata),
        source.content,
        source.contentSha256,
        DocumentStatus.Queued,
      ],
    )) as RagDocument[];
    return rows[0]!;
  }

  /** New content for a document; its current chunks stay searchable until the job replaces them. */
  async replaceSource(
    collectionId: string,
    id: string,
    source: DocumentSource,
  ): Promise<RagDocument | null> {
    const rows = (await this.dataSource.query(
      `UPDATE rag.documents SET title = $3, source_kind = $4, metadata = $5::jsonb, content = $6,
              content_sha256 = $7, status = $8, error = NULL, updated_at = now()
        WHERE collection_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [
        collectionId,
        id,
        source.title,
        source.sourceKind,
        JSON.stringify(source.metadata),
        source.content,
        source.contentSha256,
        DocumentStatus.Queued,
      ],
    )) as [RagDocument[], number];
    return rows[0][0] ?? null;
  }

  async find(collectionId: string, id: string): Promise<RagDocument | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM rag.documents WHERE collection_id = $1 AND id = $2`,
      [collectionId, id],
    )) as RagDocument[];
    return rows[0] ?? null;
  }

  /** The document with its content, for the ingest job. */
  async findWithContent(
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<(RagDocument & { content: string }) | null> {
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS}, content FROM rag.documents WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    )) as (RagDocument & { content: string })[];
    return rows[0] ?? null;
  }

  page(collectionId: string, limit: number, after?: string): Promise<RagDocument[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM rag.documents
        WHERE collection_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [collectionId, after ?? null, limit + 1],
    ) as Promise<RagDocument[]>;
  }

  async setProgress(
    id: string,
    sha256: string,
    fields: { status?: DocumentStatus; done: number; total: number },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE rag.documents SET status = coalesce($3, status), chunks_done = $4, chunks_total = $5,
              updated_at = now()
        WHERE id = $1 AND content_sha256 = $2`,
      [id, sha256, fields.status ?? null, fields.done, fields.total],
    );
  }

  async markFailed(id: string, sha256: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE rag.documents SET error = $3, status = CASE WHEN $4 THEN $5 ELSE status END,
              updated_at = now()
        WHERE id = $1 AND content_sha256 = $2`,
      [id, sha256, error.slice(0, 2000), final, DocumentStatus.Failed],
    );
  }

  async markReady(
    id: string,
    sha256: string,
    total: number,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE rag.documents SET status = $3, error = NULL, chunks_done = $4, chunks_total = $4,
              indexed_sha256 = $2, indexed_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, sha256, DocumentStatus.Ready, total],
    );
  }

  /** Deletes the document and its chunks, counting both. */
  deleteCounting(collectionId: string, id: string): Promise<{ chunks: number } | null> {
    return this.dataSource.transaction(async (manager) => {
      // Collection, document, chunks: the lock order of every writer of chunks.
      await manager.query(`SELECT id FROM rag.collections WHERE id = $1 FOR NO KEY UPDATE`, [
        collectionId,
      ]);
      const found = (await manager.query(
        `SELECT id FROM rag.documents WHERE collection_id = $1 AND id = $2 FOR UPDATE`,
        [collectionId, id],
      )) as unknown[];
      if (found.length === 0) return null;
      const [, chunks] = (await manager.query(`DELETE FROM rag.chunks WHERE document_id = $1`, [
        id,
      ])) as [unknown, number];
      await manager.query(`DELETE FROM rag.documents WHERE id = $1`, [id]);
      // Its chunks left the collection's searchable content: caches keyed by the generation go stale.
      await manager.query(
        `UPDATE rag.collections SET generation = generation + 1, updated_at = now() WHERE id = $1`,
        [collectionId],
      );
      await dropSemanticEntries(collectionId, manager);
      return { chunks };
    });
  }
}
