import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ArtifactUpload } from './entities/artifact-upload.entity.js';

const COLUMNS = `id, conversation_id AS "conversationId", user_id AS "userId", sha256, size, filename,
  session_id AS "sessionId", run_id AS "runId", tool_call_id AS "toolCallId", metadata,
  expires_at AS "expiresAt", created_at AS "createdAt"`;

export type NewUpload = Omit<ArtifactUpload, 'createdAt' | 'conversation' | 'user'>;

/** Pending direct uploads. Reads that a user makes name the owner. */
@Injectable()
export class ArtifactUploadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(upload: NewUpload): Promise<ArtifactUpload> {
    const rows = (await this.db.query(
      `INSERT INTO app.artifact_uploads (id, conversation_id, user_id, sha256, size, filename,
                                         session_id, run_id, tool_call_id, metadata, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11) RETURNING ${COLUMNS}`,
      [
        upload.id,
        upload.conversationId,
        upload.userId,
        upload.sha256,
        upload.size,
        upload.filename,
        upload.sessionId,
        upload.runId,
        upload.toolCallId,
        JSON.stringify(upload.metadata),
        upload.expiresAt,
      ],
    )) as ArtifactUpload[];
    return rows[0]!;
  }

  /** A live upload by id alone: the signed content link is the credential there. */
  async findLive(id: string): Promise<ArtifactUpload | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM app.artifact_uploads WHERE id = $1 AND expires_at > now()`,
      [id],
    )) as ArtifactUpload[];
    return rows[0];
  }

  async findOwned(id: string, userId: string): Promise<ArtifactUpload | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM app.artifact_uploads WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )) as ArtifactUpload[];
    return rows[0];
  }

  async isOwner(userId: string, id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM app.artifact_uploads WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )) as unknown[];
    return rows.length > 0;
  }

  async delete(id: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db).query(`DELETE FROM app.artifact_uploads WHERE id = $1`, [id]);
  }
}
