import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface SuggestionRow {
  id: string;
  documentId: string;
  version: number;
  originalText: string;
  suggestedText: string;
  description: string | null;
  resolved: boolean;
  resolution: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const SELECT = `SELECT s.id, s.document_id AS "documentId", v.version,
         s.original_text AS "originalText", s.suggested_text AS "suggestedText", s.description,
         s.resolved, s.resolution, s.resolved_at AS "resolvedAt", s.created_at AS "createdAt"
    FROM app.document_suggestions s
    JOIN app.document_versions v ON v.id = s.version_id`;

/** Owned through the document's conversation. */
const OWNED = `JOIN app.documents d ON d.id = s.document_id
    JOIN app.conversations c ON c.id = d.conversation_id`;

/** Suggestions on document versions. */
@Injectable()
export class SuggestionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isOwner(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM app.document_suggestions s ${OWNED} WHERE s.id = $1 AND c.user_id = $2`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(
    s: {
      id: string;
      documentId: string;
      versionId: string;
      originalText: string;
      suggestedText: string;
      description: string | null;
    },
    manager: EntityManager,
  ): Promise<SuggestionRow> {
    await manager.query(
      `INSERT INTO app.document_suggestions
         (id, document_id, version_id, original_text, suggested_text, description)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.id, s.documentId, s.versionId, s.originalText, s.suggestedText, s.description],
    );
    const rows = (await manager.query(`${SELECT} WHERE s.id = $1`, [s.id])) as SuggestionRow[];
    return rows[0]!;
  }

  /** Oldest first (call after the access check). */
  page(documentId: string, limit: number, afterId?: string): Promise<SuggestionRow[]> {
    const params: unknown[] = [documentId, limit + 1];
    let where = `s.document_id = $1`;
    if (afterId) {
      params.push(afterId);
      where += ` AND s.id > $3`;
    }
    return this.db.query(`${SELECT} WHERE ${where} ORDER BY s.id LIMIT $2`, params) as Promise<
      SuggestionRow[]
    >;
  }

  /** The caller's suggestion, locked for its resolution, or none. */
  async lockOwned(
    id: string,
    userId: string,
    manager: EntityManager,
  ): Promise<SuggestionRow | undefined> {
    const rows = (await manager.query(
      `${SELECT} ${OWNED} WHERE s.id = $1 AND c.user_id = $2 FOR UPDATE OF s`,
      [id, userId],
    )) as SuggestionRow[];
    return rows[0];
  }

  /** Resolves (or opens again) a suggestion locked by `lockOwned`: the row after. */
  async resolve(
    id: string,
    resolved: boolean,
    resolution: string | null,
    manager: EntityManager,
  ): Promise<SuggestionRow> {
    await manager.query(
      `UPDATE app.document_suggestions
          SET resolved = $2, resolution = $3, resolved_at = CASE WHEN $2 THEN now() ELSE NULL END
        WHERE id = $1`,
      [id, resolved, resolution],
    );
    const rows = (await manager.query(`${SELECT} WHERE s.id = $1`, [id])) as SuggestionRow[];
    return rows[0]!;
  }
}
