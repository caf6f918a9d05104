import { once } from 'node:events';
import { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { BlobStore } from '../../../platform/storage/blob-store.port.js';
import type { UserExporters } from './export-document.js';
import type { ExportContext, ExportFile } from './user-exporter.decorator.js';

/** A file's path inside the archive: only characters every unzip accepts, no way up. */
export function archivePath(file: Pick<ExportFile, 'id' | 'filename'>): string {
  const name = file.filename.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'file';
  return `files/${file.id}/${name.slice(0, 120)}`;
}

/**
 * Streams a zip of the export into the blob store under `key`: `export.json`
 * (the same document as GET /v1/me/export, files named by their archive path)
 * then each file's bytes, one at a time. Returns the archive's size.
 */
export async function buildArchive(
  exporters: UserExporters,
  store: BlobStore,
  key: string,
  userId: string,
  onSection: (done: number, total: number) => Promise<void>,
): Promise<number> {
  const files: ExportFile[] = [];
  const ctx: ExportContext = {
    userId,
    file: async (file) => {
      files.push(file);
      return { archive_path: archivePath(file) };
    },
  };
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const stored = store.put(key, zip, { contentType: 'application/zip' });
  stored.catch(() => zip.abort());
  const written = (async () => {
    zip.append(Readable.from(exporters.document(ctx, onSection)), { name: 'export.json' });
    await once(zip, 'entry');
    for (const file of files) {
      const blob = await store.get(file.key);
      // A file collected since the document named it: the archive says so instead.
      if (!blob) continue;
      zip.append(blob.stream, { name: archivePath(file) });
      await once(zip, 'entry');
    }
    await zip.finalize();
  })();
  const [result] = await Promise.all([stored, written]);
  return result.size;
}
