import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DataExportStatus, type DataExport } from './entities/data-export.entity.js';

const COLUMNS = `id, user_id AS "userId", status, sections_done AS "sectionsDone",
  sections_total AS "sectionsTotal", size, blob_key AS "blobKey", error, created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt", expires_at AS "expiresAt"`;

/** Export archive rows. Reads for a user name the owner; the job's reads name the export. */
@Injectable()
export class DataExportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The user's export still on its way, if any: asking again while one builds returns it. */
  async findPending(userId: string): Promise<DataExport | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM app.data_exports
        WHERE user_id = $1 AND status IN ('queued', 'running') ORDER BY id DESC LIMIT 1`,
      [userId],
    )) as DataExport[];
    return rows[0];
  }

  async insert(id: string, userId: string, sectionsTotal: number): Promise<DataExport> {
    const rows = (await this.db.query(
      `INSERT INTO app.data_exports (id, user_id, sections_total) VALUES ($1, $2, $3)
       RETURNING ${COLUMNS}`,
      [id, userId, sectionsTotal],
    )) as DataExport[];
    return rows[0]!;
  }

  async findOwned(id: string, userId: string): Promise<DataExport | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM app.data_exports WHERE id = $1 AND user_id = $2`,
      [id, userId],
    )) as DataExport[];
    return rows[0];
  }

  async isOwner(userId: string, id: string): Promise<boolean> {
    return (await this.findOwned(id, userId)) !== undefined;
  }

  /** Takes the export for a run (a retry takes it again); undefined when it is done or gone. */
  async start(id: string, sectionsTotal: number): Promise<DataExport | undefined> {
    const [rows] = (await this.db.query(
      `UPDATE app.data_exports
          SET status = 'running', started_at = now(), sections_done = 0, sections_total = $2,
              error = NULL
        WHERE id = $1 AND status <> 'completed' RETURNING ${COLUMNS}`,
      [id, sectionsTotal],
    )) as [DataExport[], number];
    return rows[0];
  }

  async progress(id: string, sectionsDone: number): Promise<void> {
    await this.db.query(
      `UPDATE app.data_exports SET sections_done = $2 WHERE id = $1 AND status = 'running'`,
      [id, sectionsDone],
    );
  }

  /** False when the export went meanwhile (its user was erased): the caller drops the blob. */
  async complete(id: string, blobKey: string, size: number, ttlHours: number): Promise<boolean> {
    const [, count] = (await this.db.query(
      `UPDATE app.data_exports
          SET status = '${DataExportStatus.Completed}', blob_key = $2, size = $3,
              finished_at = now(), expires_at = now() + make_interval(hours => $4)
        WHERE id = $1`,
      [id, blobKey, size, ttlHours],
    )) as [unknown, number];
    return count > 0;
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE app.data_exports SET status = 'failed', error = $2, finished_at = now()
        WHERE id = $1 AND status = 'running'`,
      [id, error.slice(0, 500)],
    );
  }
}
