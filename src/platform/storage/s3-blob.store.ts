import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Logger } from '@nestjs/common';
import { pipeline, type Readable } from 'node:stream';
import type { AppConfig } from '../config/config.js';
import { assertBlobKey, assertBlobPrefix } from './blob-key.js';
import { BlobMeter } from './blob-meter.js';
import {
  DEFAULT_CONTENT_TYPE,
  clampTtl,
  type BlobInfo,
  type BlobListEntry,
  type BlobStore,
  type PresignOptions,
  type PresignUploadOptions,
  type PresignedUpload,
  type PutBlobOptions,
  type PutBlobResult,
  type StoredBlob,
} from './blob-store.port.js';
import { attachmentDisposition } from './content-disposition.js';

/** The largest single PUT S3 accepts; larger bodies go up in parts. */
const MAX_SINGLE_PUT = 5 * 1024 ** 3;
/** Multipart memory stays within PART_SIZE x QUEUE_SIZE per upload, whatever the file size. */
const PART_SIZE = 8 * 1024 ** 2;
const QUEUE_SIZE = 2;

export function createS3Client(config: AppConfig): S3Client {
  const env = config.env;
  const logger = new Logger('BlobStore');
  return new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    // MinIO and most self-hosted stores only answer path-style requests.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    // The SDK's default trailing checksums (aws-chunked) are not understood by
    // every S3-compatible store; Parley checks content with its own SHA-256.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Without a logger the SDK writes to the console; a failed upload is
    // already reported by whoever asked for it.
    logger: {
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
      error: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
    },
  });
}

/** Blobs in S3 or any S3-compatible store (MinIO through S3_ENDPOINT). */
export class S3BlobStore implements BlobStore {
  readonly driver = 's3' as const;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly defaultTtlSeconds: number,
  ) {}

  async put(key: string, body: Readable, options: PutBlobOptions = {}): Promise<PutBlobResult> {
    assertBlobKey(key);
    const meter = new BlobMeter(options);
    // pipeline, not pipe: a failing source must fail the upload, not stall it.
    const metered = pipeline(body, meter, () => {});
    const params: PutObjectCommandInput = {
      Bucket: this.bucket,
      Key: key,
      Body: metered,
      ContentType: options.contentType ?? DEFAULT_CONTENT_TYPE,
      ...(options.sha256 ? { Metadata: { sha256: options.sha256 } } : {}),
    };
    const { contentLength } = options;
    // The SDK pipes the body into the request and would wait forever for the
    // declared length from a body that failed: abort the request instead.
    const abort = new AbortController();
    meter.once('error', () => abort.abort());
    try {
      if (contentLength !== undefined && contentLength <= MAX_SINGLE_PUT) {
        // A known length streams in one request; S3 itself rejects a body that
        // does not match the declared checksum, so a wrong one never lands.
        await this.client.send(
          new PutObjectCommand({
            ...params,
            ContentLength: contentLength,
            ...(options.sha256
              ? { ChecksumSHA256: Buffer.from(options.sha256, 'hex').toString('base64') }
              : {}),
          }),
          { abortSignal: abort.signal },
        );
      } else {
        await new Upload({
          client: this.client,
          params,
          partSize: PART_SIZE,
          queueSize: QUEUE_SIZE,
        }).done();
      }
    } catch (err) {
      throw meter.errored ?? err;
    }
    try {
      meter.verify();
    } catch (err) {
      // Only reached when the store ignored the checksum (multipart, or a store
      // without checksum support): what it holds under the key is wrong.
      await this.delete(key);
      throw err;
    }
    return { key, size: meter.bytes, sha256: meter.sha256 };
  }

  async get(key: string): Promise<StoredBlob | undefined> {
    assertBlobKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: out.ContentLength ?? 0,
        contentType: out.ContentType ?? DEFAULT_CONTENT_TYPE,
        sha256: out.Metadata?.sha256,
        lastModified: out.LastModified,
        stream: out.Body as Readable,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    assertBlobKey(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        key,
        size: out.ContentLength ?? 0,
        contentType: out.ContentType ?? DEFAULT_CONTENT_TYPE,
        sha256: out.Metadata?.sha256,
        lastModified: out.LastModified,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async presign(key: string, options: PresignOptions = {}): Promise<string> {
    assertBlobKey(key);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: attachmentDisposition(options.filename),
      ResponseCacheControl: 'private',
      ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
    });
    return getSignedUrl(this.client, command, {
      expiresIn: clampTtl(options.ttlSeconds ?? this.defaultTtlSeconds),
    });
  }

  async presignUpload(key: string, options: PresignUploadOptions): Promise<PresignedUpload> {
    assertBlobKey(key);
    const checksum = Buffer.from(options.sha256, 'hex').toString('base64');
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentLength: options.contentLength,
      ContentType: contentType,
      ChecksumSHA256: checksum,
      Metadata: { sha256: options.sha256 },
    });
    // Length, type and checksum stay signed headers (not query parameters): S3
    // refuses a body of another size, and one whose SHA-256 is not the declared one.
    const url = await getSignedUrl(this.client, command, {
      expiresIn: clampTtl(options.ttlSeconds ?? this.defaultTtlSeconds),
      signableHeaders: new Set(['content-length', 'content-type', 'x-amz-checksum-sha256']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'x-amz-meta-sha256']),
    });
    return {
      url,
      headers: {
        'Content-Length': String(options.contentLength),
        'Content-Type': contentType,
        'x-amz-checksum-sha256': checksum,
        'x-amz-meta-sha256': options.sha256,
      },
    };
  }

  async *list(prefix: string): AsyncIterable<BlobListEntry> {
    assertBlobPrefix(prefix);
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key)
          yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (e.name === 'NoSuchBucket') return false;
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
