import type { S3Client } from '@aws-sdk/client-s3';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { loadConfig } from '../../../src/platform/config/config.js';
import { S3BlobStore, createS3Client } from '../../../src/platform/storage/s3-blob.store.js';
import { tempDir } from '../../support/app.js';
import { startLocalS3, type LocalS3 } from '../../support/s3.js';
import { blobStoreContract, drain, sha256, type ContractSubject } from './blob-store.contract.js';

const MiB = 1024 * 1024;

describe('S3 blob store against a local S3 server', () => {
  const dataDir = tempDir('parley-s3-config-');
  let s3: LocalS3;
  let client: S3Client;
  let store: S3BlobStore;
  let partBytes = 0;

  beforeAll(async () => {
    s3 = await startLocalS3();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...s3.env });
    expect(config.blobs.driver).toBe('s3');
    client = createS3Client(config);
    // Counts the bytes of multipart parts the server has acknowledged.
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const input = args.input as { PartNumber?: number; Body?: Buffer };
        if (input.PartNumber && input.Body) partBytes += input.Body.length;
        return result;
      },
      { step: 'initialize', name: 'countParts' },
    );
    store = new S3BlobStore(client, s3.bucket, config.blobs.urlTtlSeconds);
  });

  afterAll(async () => {
    await store?.close();
    await s3?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('contract', () => {
    blobStoreContract((): ContractSubject => ({
      store,
      persisted: async () => partBytes,
      // Parts of 8 MiB: two in flight, one filling, and the one being counted.
      maxLagBytes: 32 * MiB,
    }));
  });

  it('presigns a GET that expires after the TTL and downloads the bytes', async () => {
    const data = Buffer.from('presigned content');
    await store.put('s3/presigned', Readable.from([data]), { contentType: 'text/plain' });
    const url = new URL(
      await store.presign('s3/presigned', { ttlSeconds: 120, filename: 'note.txt' }),
    );
    expect(url.origin).toBe(s3.endpoint);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="note.txt"; filename*=UTF-8''note.txt`,
    );
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(data));
  });

  it('presigns with the configured TTL by default', async () => {
    const url = new URL(await store.presign('s3/presigned'));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
  });

  it('keeps a declared checksum as metadata', async () => {
    const data = Buffer.from('with checksum');
    await store.put('s3/sha', Readable.from([data]), { sha256: sha256(data) });
    expect((await store.head('s3/sha'))?.sha256).toBe(sha256(data));
    expect((await drain((await store.get('s3/sha'))!.stream)).text).toBe('with checksum');
  });

  it('is not ready when its bucket does not exist', async () => {
    const missing = new S3BlobStore(client, 'no-such-bucket', 300);
    await expect(missing.ping()).rejects.toThrow();
  });
});
