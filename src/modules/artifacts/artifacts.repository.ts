import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Artifact } from './entities/artifact.entity.js';

const COLUMNS = `id, conversation_id AS "conversationId", user_id AS "userId", sha256, filename, mime,
  size, session_id AS "sessionId", run_id AS "runId", tool_call_id AS "toolCallId", metadata,
  created_at AS "createdAt"`;

export type NewArtifact = Omit<Artifact, 'createdAt' | 'conversation' | 'user' | 'blob'>;

/** Artifact rows, the references to blobs. Every read names the owner. */
@Injectable()
export class ArtifactsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Serialises one user's registrations, so that concurrent uploads cannot overrun a quota. */
  async lockUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7411))`, [
      `artifacts:${userId}`,
    ]);
  }

  async usage(userId: string, manager?: EntityManager): Promise<{ count: number; bytes: number }> {
    const rows = (await (manager ?? this.db).query(
      `SELECT count(*)::int AS count, coalesce(sum(size), 0)::bigint AS bytes
         FROM app.artifacts WHERE user_id = $1`,
      [userId],
    )) as { count: number; bytes: string }[];
    return { count: rows[0]!.count, bytes: Number(rows[0]!.bytes) };
  }

  async insert(artifact: NewArtifact, manager: EntityManager): Promise<Artifact> {
    const rows = (await manager.query(
      `INSERT INTO app.artifacts (id, conversation_id, user_id, sha256, filename, mime, size,
                                  session_id, run_id, tool_call_id, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) RETURNING ${COLUMNS}`,
      [
        artifact.id,
        artifact.conversationId,
        artifact.userId,
        artifact.sha256,
        artifact.filename,
        artifact.mime,
        artifact.size,
        artifact.sessionId,
        artifact.runId,
        artifact.toolCallId,
        JSON.stringify(artifact.metadata),
      ],
    )) as Artifact[];
    return rows[0]!;
  }

  async findOwned(id: string, userId: string): Promise<Artifact | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM app.artifacts WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )) as Artifact[];
    return rows[0];
  }

  async isOwner(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM app.artifacts WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Newest first; ids are UUIDv7, so id order is creation order. */
  async page(
    conversationId: string,
    userId: string,
    limit: number,
    beforeId?: string,
  ): Promise<Artifact[]> {
    const params: unknown[] = [conversationId, userId, limit + 1];
    let where = `conversation_id = $1 AND user_id = $2`;
    if (beforeId) {
      params.push(beforeId);
      where += ` AND id < $4`;
    }
    return (await this.db.query(
      `SELECT ${COLUMNS} FROM app.artifacts WHERE ${where} ORDER BY id DESC LIMIT $3`,
      params,
    )) as Artifact[];
  }

  /** The blob the deleted artifact referenced, or undefined when there was no such artifact. */
  async deleteOwned(
    id: string,
    userId: string,
    manager: EntityManager,
  ): Promise<string | undefined> {
    const [rows] = (await manager.query(
      `DELETE FROM app.artifacts WHERE id = $1 AND user_id = $2 RETURNING sha256`,
      [id, userId],
    )) as [{ sha256: string }[], number];
    return rows[0]?.sha256;
  }

  /** Erasure of a conversation: its artifacts, and the blobs they referenced. */
  deleteByConversation(
    conversationId: string,
    manager: EntityManager,
  ): Promise<{ count: number; blobs: string[] }> {
    return this.deleteWhere('conversation_id', conversationId, manager);
  }

  /** The user's references in conversations of others (their own went with their conversations). */
  deleteByUser(
    userId: string,
    manager: EntityManager,
  ): Promise<{ count: number; blobs: string[] }> {
    return this.deleteWhere('user_id', userId, manager);
  }

  private async deleteWhere(
    column: 'conversation_id' | 'user_id',
    id: string,
    manager: EntityManager,
  ): Promise<{ count: number; blobs: string[] }> {
    const [rows, count] = (await manager.query(
      `DELETE FROM app.artifacts WHERE ${column} = $1 RETURNING sha256`,
      [id],
    )) as [{ sha256: string }[], number];
    return { count, blobs: [...new Set(rows.map((r) => r.sha256))] };
  }
}
