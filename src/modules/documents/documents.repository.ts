import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DocumentKind } from './entities/document.entity.js';

/** A document with its newest version, as reads answer it. */
export interface DocumentRow {
  id: string;
  conversationId: string;
  kind: DocumentKind;
  createdAt: Date;
  version: number;
  title: string;
  content: string;
  updatedAt: Date;
}

export interface VersionRow {
  id: string;
  version: number;
  title: string;
  content: string;
  createdAt: Date;
}

const NEWEST = `SELECT d.id, d.conversation_id AS "conversationId", d.kind, d.created_at AS "createdAt",
         v.version, v.title, v.content, v.created_at AS "updatedAt"
    FROM app.documents d
    JOIN app.conversations c ON c.id = d.conversation_id
    JOIN LATERAL (
      SELECT version, title, content, created_at FROM app.document_versions
       WHERE document_id = d.id ORDER BY version DESC LIMIT 1
    ) v ON true`;

const VERSION_COLUMNS = `id, version, title, content, created_at AS "createdAt"`;

/**
 * Documents and their versions. A document is owned through its conversation:
 * every read and every lock names the owner.
 */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isOwner(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM app.documents d JOIN app.conversations c ON c.id = d.conversation_id
        WHERE d.id = $1 AND c.user_id = $2`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(
    doc: { id: string; conversationId: string; kind: DocumentKind },
    first: { id: string; title: string; content: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO app.documents (id, conversation_id, kind) VALUES ($1, $2, $3)`,
      [doc.id, doc.conversationId, doc.kind],
    );
    await manager.query(
      `INSERT INTO app.document_versions (id, document_id, version, title, content)
       VALUES ($1, $2, 1, $3, $4)`,
      [first.id, doc.id, first.title, first.content],
    );
  }

  async findOwned(
    id: string,
    userId: string,
    manager?: EntityManager,
  ): Promise<DocumentRow | undefined> {
    const rows = (await (manager ?? this.db).query(`${NEWEST} WHERE d.id = $1 AND c.user_id = $2`, [
      id,
      userId,
    ])) as DocumentRow[];
    return rows[0];
  }

  /** Newest first; ids are UUIDv7, so id order is creation order. */
  async page(
    conversationId: string,
    userId: string,
    limit: number,
    beforeId?: string,
  ): Promise<DocumentRow[]> {
    const params: unknown[] = [conversationId, userId, limit + 1];
    let where = `d.conversation_id = $1 AND c.user_id = $2`;
    if (beforeId) {
      params.push(beforeId);
      where += ` AND d.id < $4`;
    }
    return (await this.db.query(
      `${NEWEST} WHERE ${where} ORDER BY d.id DESC LIMIT $3`,
      params,
    )) as DocumentRow[];
  }

  /**
   * The kind and conversation of the caller's document. Given a transaction it
   * also locks the document for a change of its versions: writers of one
   * document queue there, so each numbers its version after the one before.
   */
  async head(
    id: string,
    userId: string,
    lock?: EntityManager,
  ): Promise<{ kind: DocumentKind; conversationId: string } | undefined> {
    const rows = (await (lock ?? this.db).query(
      `SELECT d.kind, d.conversation_id AS "conversationId"
         FROM app.documents d JOIN app.conversations c ON c.id = d.conversation_id
        WHERE d.id = $1 AND c.user_id = $2${lock ? ' FOR UPDATE OF d' : ''}`,
      [id, userId],
    )) as { kind: DocumentKind; conversationId: string }[];
    return rows[0];
  }

  /** The next version, numbered after the newest (call with the document locked). */
  async insertVersion(
    documentId: string,
    v: { id: string; title: string | undefined; content: string },
    manager: EntityManager,
  ): Promise<VersionRow> {
    const rows = (await manager.query(
      `INSERT INTO app.document_versions (id, document_id, version, title, content)
       SELECT $1, $2, n.version + 1, coalesce($3, n.title), $4
         FROM (SELECT version, title FROM app.document_versions
                WHERE document_id = $2 ORDER BY version DESC LIMIT 1) n
       RETURNING ${VERSION_COLUMNS}`,
      [v.id, documentId, v.title ?? null, v.content],
    )) as VersionRow[];
    return rows[0]!;
  }

  /** One version by number, or the newest. */
  async findVersion(
    documentId: string,
    version: number | undefined,
    manager?: EntityManager,
  ): Promise<VersionRow | undefined> {
    const rows = (await (manager ?? this.db).query(
      version === undefined
        ? `SELECT ${VERSION_COLUMNS} FROM app.document_versions WHERE document_id = $1
            ORDER BY version DESC LIMIT 1`
        : `SELECT ${VERSION_COLUMNS} FROM app.document_versions
            WHERE document_id = $1 AND version = $2`,
      version === undefined ? [documentId] : [documentId, version],
    )) as VersionRow[];
    return rows[0];
  }

  /** Oldest first (call after the access check). */
  versionsPage(documentId: string, limit: number, afterVersion?: number): Promise<VersionRow[]> {
    return this.db.query(
      `SELECT ${VERSION_COLUMNS} FROM app.document_versions
        WHERE document_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
      [documentId, afterVersion ?? 0, limit + 1],
    ) as Promise<VersionRow[]>;
  }

  /** Removes the versions after `version` (and their suggestions, by cascade): how many went. */
  async deleteVersionsAfter(
    documentId: string,
    version: number,
    manager: EntityManager,
  ): Promise<number> {
    const [, count] = (await manager.query(
      `DELETE FROM app.document_versions WHERE document_id = $1 AND version > $2`,
      [documentId, version],
    )) as [unknown, number];
    return count;
  }

  /** The document, its versions and its suggestions; whether there was one of the caller's. */
  async deleteOwned(id: string, userId: string): Promise<boolean> {
    const [, count] = (await this.db.query(
      `DELETE FROM app.documents d USING app.conversations c
        WHERE d.id = $1 AND c.id = d.conversation_id AND c.user_id = $2`,
      [id, userId],
    )) as [unknown, number];
    return count > 0;
  }

  /** Erasure of a conversation, table by table for the receipt (children first). */
  async eraseConversation(
    table: 'document_suggestions' | 'document_versions' | 'documents',
    conversationId: string,
    manager: EntityManager,
  ): Promise<number> {
    const where =
      table === 'documents'
        ? `conversation_id = $1`
        : `document_id IN (SELECT id FROM app.documents WHERE conversation_id = $1)`;
    const [, count] = (await manager.query(`DELETE FROM app.${table} WHERE ${where}`, [
      conversationId,
    ])) as [unknown, number];
    return count;
  }
}
