import type { Readable } from 'node:stream';

export interface PutBlobOptions {
  contentType?: string;
  /** Declared size; the upload fails (and stores nothing) when the body differs. */
  contentLength?: number;
  /** Declared SHA-256 (hex); the upload fails (and stores nothing) when the body differs. */
  sha256?: string;
  /** Refuse bodies larger than this, without reading further than it. */
  maxBytes?: number;
}

/** What a completed put measured while the bytes streamed through. */
export interface PutBlobResult {
  key: string;
  size: number;
  sha256: string;
}

export interface BlobInfo {
  key: string;
  size: number;
  contentType: string;
  /** Known when the driver kept it: always on the filesystem, on S3 when declared at put. */
  sha256?: string;
  lastModified?: Date;
}

export interface StoredBlob extends BlobInfo {
  /** The content; the caller must consume or destroy it to release the file or socket. */
  stream: Readable;
}

export interface BlobListEntry {
  key: string;
  size: number;
  lastModified?: Date;
}

export interface PresignOptions {
  /** Lifetime of the URL; the configured BLOB_URL_TTL_SECONDS when omitted. */
  ttlSeconds?: number;
  /** Offered to the browser as the download's file name. */
  filename?: string;
  /** Served as the response's Content-Type, whatever was stored. */
  contentType?: string;
}

/** A presigned PUT: the client sends exactly these headers with exactly the declared bytes. */
export interface PresignedUpload {
  url: string;
  headers: Record<string, string>;
}

export interface PresignUploadOptions {
  /** Signed: the store refuses a body of any other length. */
  contentLength: number;
  /** Signed as the object's checksum: the store refuses other content. */
  sha256: string;
  contentType?: string;
  ttlSeconds?: number;
}

/**
 * Where file content lives: S3 (or any S3-compatible store) in production, a
 * folder under DATA_DIR in the embedded default. Bodies stream both ways; no
 * driver holds a whole file in memory. Keys follow `assertBlobKey`.
 */
export interface BlobStore {
  readonly driver: 's3' | 'filesystem';
  /** Stores the body under the key, replacing any previous content only once complete. */
  put(key: string, body: Readable, options?: PutBlobOptions): Promise<PutBlobResult>;
  /** The content and its metadata, or undefined when there is no such blob. */
  get(key: string): Promise<StoredBlob | undefined>;
  head(key: string): Promise<BlobInfo | undefined>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; removing a missing blob succeeds. */
  delete(key: string): Promise<void>;
  /** A URL that downloads the blob without other credentials until it expires. */
  presign(key: string, options?: PresignOptions): Promise<string>;
  /**
   * A URL the client can PUT the content to directly, when the driver has
   * one (S3); without it, the API itself receives the body.
   */
  presignUpload?(key: string, options: PresignUploadOptions): Promise<PresignedUpload>;
  /** Every blob whose key starts with the prefix, in no promised order. */
  list(prefix: string): AsyncIterable<BlobListEntry>;
  /** Resolves when the store is reachable and writable, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

/** Presigned URLs live at most as long as S3 allows (SigV4: seven days). */
export const MAX_URL_TTL_SECONDS = 604800;

export function clampTtl(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds)) throw new Error('ttlSeconds must be a number');
  return Math.min(Math.max(Math.floor(ttlSeconds), 1), MAX_URL_TTL_SECONDS);
}

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
