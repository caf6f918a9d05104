import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BLOB_STORE, type BlobStore } from '../../../platform/storage/blob-store.port.js';
import { RetentionPolicy, type RetentionRun } from '../retention/retention-policy.decorator.js';
import { EXPORT_BLOB_PREFIX, exportBlobKey } from './data-exports.service.js';

const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const EXPIRED = `expires_at < now()`;

/**
 * Export archives past EXPORT_ARCHIVE_TTL_HOURS, row and blob; and archives
 * whose row went with its user's erasure (found by listing the prefix).
 */
@Injectable()
export class DataExportRetention {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
  ) {}

  @RetentionPolicy('expired_exports')
  async expiredExports({ dryRun }: RetentionRun): Promise<number> {
    const orphans = await this.orphanKeys();
    if (dryRun) {
      const [row] = (await this.db.query(
        `SELECT count(*)::int AS n FROM app.data_exports WHERE ${EXPIRED}`,
      )) as { n: number }[];
      return row!.n + orphans.length;
    }
    // Each row is taken by one run (skip locked): its blob is deleted, and counted, once.
    const [gone] = (await this.db.query(
      `DELETE FROM app.data_exports WHERE id IN (
         SELECT id FROM app.data_exports WHERE ${EXPIRED} FOR UPDATE SKIP LOCKED)
       RETURNING blob_key AS "blobKey"`,
    )) as [{ blobKey: string | null }[], number];
    for (const { blobKey } of gone) if (blobKey) await this.store.delete(blobKey);
    for (const key of orphans) await this.store.delete(key);
    return gone.length + orphans.length;
  }

  private async orphanKeys(): Promise<string[]> {
    const candidates: { key: string; id: string }[] = [];
    for await (const blob of this.store.list(EXPORT_BLOB_PREFIX)) {
      const id = blob.key.slice(EXPORT_BLOB_PREFIX.length).replace(/\.zip$/, '');
      const old = (blob.lastModified?.getTime() ?? 0) < Date.now() - ORPHAN_GRACE_MS;
      if (old && exportBlobKey(id) === blob.key) candidates.push({ key: blob.key, id });
    }
    if (candidates.length === 0) return [];
    const rows = (await this.db.query(
      `SELECT id::text FROM app.data_exports WHERE id::text = ANY($1::text[])`,
      [candidates.map((c) => c.id)],
    )) as { id: string }[];
    const known = new Set(rows.map((r) => r.id));
    return candidates.filter((c) => !known.has(c.id)).map((c) => c.key);
  }
}
