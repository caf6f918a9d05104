import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

const UNREFERENCED = `NOT EXISTS (SELECT 1 FROM app.artifacts a WHERE a.sha256 = b.sha256)`;

/** Blob rows: one per stored content, with the time its last reference went. */
@Injectable()
export class ArtifactBlobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Whether the content is known; an orphaned blob is taken back from the
   * collector at once (the registration that follows confirms it under lock).
   */
  async claim(sha256: string): Promise<boolean> {
    const [rows] = (await this.db.query(
      `UPDATE app.artifact_blobs SET orphaned_at = NULL WHERE sha256 = $1 RETURNING 1 AS one`,
      [sha256],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /**
   * Creates the row or takes the existing one back from the collector; either
   * way the row stays locked until the transaction ends, so no collection can
   * remove it meanwhile. Whether this inserted it.
   */
  async upsert(
    blob: { sha256: string; size: number; mime: string },
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO app.artifact_blobs AS b (sha256, size, mime) VALUES ($1, $2, $3)
       ON CONFLICT (sha256) DO UPDATE SET orphaned_at = NULL
       RETURNING (xmax = 0) AS inserted`,
      [blob.sha256, blob.size, blob.mime],
    )) as { inserted: boolean }[];
    return rows[0]!.inserted;
  }

  /** Starts the grace period of the blobs among these that no artifact names any more. */
  async markOrphaned(shas: string[], manager: EntityManager): Promise<void> {
    if (shas.length === 0) return;
    await manager.query(
      `UPDATE app.artifact_blobs b SET orphaned_at = now()
        WHERE sha256 = ANY($1::varchar[]) AND orphaned_at IS NULL AND ${UNREFERENCED}`,
      [shas],
    );
  }

  /** Starts the grace period of every unreferenced blob not yet marked (references cascaded away). */
  async markAllUnreferenced(): Promise<number> {
    const [, count] = (await this.db.query(
      `UPDATE app.artifact_blobs b SET orphaned_at = now()
        WHERE orphaned_at IS NULL AND ${UNREFERENCED}`,
    )) as [unknown, number];
    return count;
  }

  /** Of these blobs, those no artifact references. */
  async unreferenced(shas: string[]): Promise<string[]> {
    if (shas.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT s AS sha256 FROM unnest($1::varchar[]) AS s
        WHERE NOT EXISTS (SELECT 1 FROM app.artifacts a WHERE a.sha256 = s)`,
      [shas],
    )) as { sha256: string }[];
    return rows.map((r) => r.sha256);
  }

  async countCollectable(graceSeconds: number): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM app.artifact_blobs b
        WHERE orphaned_at <= now() - make_interval(secs => $1) AND ${UNREFERENCED}`,
      [graceSeconds],
    )) as { n: number }[];
    return row!.n;
  }

  async collectable(graceSeconds: number, limit: number): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT sha256 FROM app.artifact_blobs b
        WHERE orphaned_at <= now() - make_interval(secs => $1) AND ${UNREFERENCED}
        ORDER BY orphaned_at LIMIT $2`,
      [graceSeconds, limit],
    )) as { sha256: string }[];
    return rows.map((r) => r.sha256);
  }

  /**
   * Deletes the row if it is still collectable, judged on the row as it is
   * once locked: a registration that took it back first (orphaned_at cleared)
   * or still holds it keeps it.
   */
  async deleteIfCollectable(
    sha256: string,
    graceSeconds: number,
    manager: EntityManager,
  ): Promise<boolean> {
    const [rows] = (await manager.query(
      `DELETE FROM app.artifact_blobs b
        WHERE sha256 = $1 AND orphaned_at <= now() - make_interval(secs => $2) AND ${UNREFERENCED}
        RETURNING sha256`,
      [sha256, graceSeconds],
    )) as [unknown[], number];
    return rows.length > 0;
  }
}
