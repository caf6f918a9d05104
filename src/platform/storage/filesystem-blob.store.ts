import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, assertBlobPrefix } from './blob-key.js';
import { BlobMeter } from './blob-meter.js';
import {
  DEFAULT_CONTENT_TYPE,
  clampTtl,
  type BlobInfo,
  type BlobListEntry,
  type BlobStore,
  type PresignOptions,
  type PutBlobOptions,
  type PutBlobResult,
  type StoredBlob,
} from './blob-store.port.js';
import type { BlobUrlSigner } from './blob-url-signer.js';

export interface FilesystemBlobStoreOptions {
  /** The folder that holds every blob (`<DATA_DIR>/blobs`). */
  root: string;
  signer: BlobUrlSigner;
  /** Where the API answers, for the download links (`PUBLIC_URL`). */
  publicUrl: string;
  defaultTtlSeconds: number;
}

/** Kept beside each blob, since a plain file has nowhere to hold its content type. */
interface Sidecar {
  contentType: string;
  sha256: string;
}

/** The route that serves this driver's signed links (BlobDownloadController). */
export const DOWNLOAD_PATH = '/v1/blobs/download';

/**
 * Blobs as files under DATA_DIR, for the embedded default. A key maps onto a
 * relative path (the key rules forbid anything that could climb out of the
 * root); names starting with a dot are never keys, so temporary and metadata
 * files live among the blobs without colliding with them.
 */
export class FilesystemBlobStore implements BlobStore {
  readonly driver = 'filesystem' as const;
  private readonly root: string;
  private readonly tmpDir: string;

  constructor(private readonly options: FilesystemBlobStoreOptions) {
    this.root = path.resolve(options.root);
    this.tmpDir = path.join(this.root, '.tmp');
  }

  async init(): Promise<this> {
    await fsp.mkdir(this.tmpDir, { recursive: true, mode: 0o700 });
    return this;
  }

  async put(key: string, body: Readable, options: PutBlobOptions = {}): Promise<PutBlobResult> {
    const target = this.pathOf(key);
    const meter = new BlobMeter(options);
    // Written beside the blobs so the final rename stays on one filesystem (atomic).
    const tmp = path.join(this.tmpDir, randomUUID());
    try {
      await pipeline(
        body,
        meter,
        fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600, flush: true }),
      );
      meter.verify();
      const sidecar: Sidecar = {
        contentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
        sha256: meter.sha256,
      };
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.writeFile(`${tmp}.meta`, JSON.stringify(sidecar), { mode: 0o600, flush: true });
      await fsp.rename(`${tmp}.meta`, sidecarOf(target));
      await fsp.rename(tmp, target);
      await syncDirectory(path.dirname(target));
    } catch (err) {
      await Promise.all([fsp.rm(tmp, { force: true }), fsp.rm(`${tmp}.meta`, { force: true })]);
      throw err;
    }
    return { key, size: meter.bytes, sha256: meter.sha256 };
  }

  async get(key: string): Promise<StoredBlob | undefined> {
    const file = this.pathOf(key);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
    try {
      // Stat the open descriptor: a concurrent replace swaps the path, not this file.
      const stat = await handle.stat();
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      const sidecar = await readSidecar(file);
      return { ...this.info(key, stat, sidecar), stream: handle.createReadStream() };
    } catch (err) {
      await handle.close();
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    const file = this.pathOf(key);
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return undefined;
      return this.info(key, stat, await readSidecar(file));
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    // The blob goes first: a left-over sidecar without its blob is never read.
    await fsp.rm(file, { force: true });
    await fsp.rm(sidecarOf(file), { force: true });
  }

  async presign(key: string, options: PresignOptions = {}): Promise<string> {
    assertBlobKey(key);
    const ttl = clampTtl(options.ttlSeconds ?? this.options.defaultTtlSeconds);
    const query = this.options.signer.link(key, ttl, options.filename, options.contentType);
    const url = new URL(DOWNLOAD_PATH, this.options.publicUrl);
    url.search = new URLSearchParams({ ...query }).toString();
    return url.toString();
  }

  async *list(prefix: string): AsyncIterable<BlobListEntry> {
    assertBlobPrefix(prefix);
    const slash = prefix.lastIndexOf('/');
    yield* this.walk(slash >= 0 ? prefix.slice(0, slash) : '', prefix);
  }

  async ping(): Promise<void> {
    await fsp.access(this.tmpDir, fs.constants.W_OK);
  }

  async close(): Promise<void> {}

  private async *walk(dirKey: string, prefix: string): AsyncIterable<BlobListEntry> {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(path.join(this.root, dirKey), { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const key = dirKey ? `${dirKey}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const folder = `${key}/`;
        if (folder.startsWith(prefix) || prefix.startsWith(folder)) yield* this.walk(key, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const stat = await fsp.stat(path.join(this.root, key)).catch(() => undefined);
        if (stat) yield { key, size: stat.size, lastModified: stat.mtime };
      }
    }
  }

  private pathOf(key: string): string {
    assertBlobKey(key);
    const file = path.join(this.root, ...key.split('/'));
    // The key rules already make this impossible; the check keeps it so if they ever loosen.
    if (!file.startsWith(this.root + path.sep)) throw new Error('blob path escapes its root');
    return file;
  }

  private info(key: string, stat: fs.Stats, sidecar: Sidecar | undefined): BlobInfo {
    return {
      key,
      size: stat.size,
      contentType: sidecar?.contentType ?? DEFAULT_CONTENT_TYPE,
      sha256: sidecar?.sha256,
      lastModified: stat.mtime,
    };
  }
}

function sidecarOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.meta`);
}

async function readSidecar(file: string): Promise<Sidecar | undefined> {
  try {
    return JSON.parse(await fsp.readFile(sidecarOf(file), 'utf8')) as Sidecar;
  } catch {
    return undefined;
  }
}

/** Makes a rename durable: the new directory entry reaches the disk, not only the data. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
