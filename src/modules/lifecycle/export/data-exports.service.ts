import { Inject, Injectable } from '@nestjs/common';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { uuidv7 } from '../../../platform/database/uuid.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import { QueueService } from '../../../platform/queue/queue.service.js';
import { BLOB_STORE, type BlobStore } from '../../../platform/storage/blob-store.port.js';
import { Actors, AuditService } from '../../audit/audit.service.js';
import { DataExportsRepository } from './data-exports.repository.js';
import { DataExportDto } from './dto/data-export.dto.js';
import { DataExportStatus } from './entities/data-export.entity.js';
import { buildArchive } from './export-archive.js';
import { UserExporters } from './export-document.js';

export const EXPORT_BLOB_PREFIX = 'exports/';
export const exportBlobKey = (id: string) => `${EXPORT_BLOB_PREFIX}${id}.zip`;

/**
 * A user's data, whole: streamed as one JSON document, or built into a zip by
 * a job for large accounts. Every export is audited; archives are the owner's
 * only, downloadable until they expire.
 */
@Injectable()
export class DataExportsService {
  private readonly ttlHours: number;

  constructor(
    private readonly exports: DataExportsRepository,
    private readonly exporters: UserExporters,
    private readonly queue: QueueService,
    private readonly audit: AuditService,
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlHours = config.env.EXPORT_ARCHIVE_TTL_HOURS;
  }

  /** Writes the document to `out` as it is read; files are links minted now. */
  async streamDocument(userId: string, out: Writable): Promise<void> {
    await this.audit.record({
      actor: Actors.user(userId),
      action: 'user.export',
      target: { type: 'user', id: userId },
      after: { sections: this.exporters.names() },
    });
    const document = this.exporters.document({
      userId,
      file: async (file) => ({
        download_url: await this.store.presign(file.key, {
          filename: file.filename,
          contentType: file.contentType,
        }),
      }),
    });
    await pipeline(Readable.from(document), out);
  }

  /** Queues an archive; while one is queued or building, asking again returns that one. */
  async request(userId: string): Promise<DataExportDto> {
    const pending = await this.exports.findPending(userId);
    if (pending) return DataExportDto.from(pending);
    const created = await this.exports.insert(uuidv7(), userId, this.exporters.names().length);
    await this.queue.enqueue(
      'maintenance.data-export',
      { exportId: created.id },
      { jobId: `data-export.${created.id}`, attempts: 3 },
    );
    await this.audit.record({
      actor: Actors.user(userId),
      action: 'user.export-archive',
      target: { type: 'data_export', id: created.id },
      after: { user_id: userId },
    });
    return DataExportDto.from(created);
  }

  async get(userId: string, id: string): Promise<DataExportDto> {
    const found = await this.exports.findOwned(id, userId);
    if (!found) throw DomainError.notFound('Export');
    return DataExportDto.from(found);
  }

  /** A short-lived URL of the archive, minted now; 409 until it is built, and after it expired. */
  async downloadUrl(userId: string, id: string): Promise<string> {
    const found = await this.exports.findOwned(id, userId);
    if (!found) throw DomainError.notFound('Export');
    const view = DataExportDto.from(found);
    if (view.status !== DataExportStatus.Completed || !found.blobKey) {
      throw new DomainError(ErrorCode.ExportNotReady, `The export is ${view.status}.`, {
        status_of_export: view.status,
      });
    }
    return this.store.presign(found.blobKey, {
      filename: `parley-export-${view.created_at.slice(0, 10)}.zip`,
      contentType: 'application/zip',
    });
  }

  /** The job: builds the archive, reporting progress per section. Safe to run again. */
  async build(exportId: string): Promise<{ exportId: string; size?: number }> {
    const started = await this.exports.start(exportId, this.exporters.names().length);
    // Already built, or its user erased meanwhile: nothing to do.
    if (!started) return { exportId };
    const key = exportBlobKey(exportId);
    try {
      const size = await buildArchive(this.exporters, this.store, key, started.userId, (done) =>
        this.exports.progress(exportId, done),
      );
      if (!(await this.exports.complete(exportId, key, size, this.ttlHours))) {
        await this.store.delete(key);
        return { exportId };
      }
      return { exportId, size };
    } catch (err) {
      await this.exports.fail(exportId, (err as Error).message);
      throw err;
    }
  }
}
