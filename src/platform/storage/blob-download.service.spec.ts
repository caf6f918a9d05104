import { jest } from '@jest/globals';
import { Readable } from 'node:stream';
import { PUBLIC_KEY } from '../http/public.decorator.js';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';
import { BlobDownloadController } from './blob-download.controller.js';
import { BlobDownloadService } from './blob-download.service.js';
import type { BlobStore, StoredBlob } from './blob-store.port.js';
import { BlobUrlSigner } from './blob-url-signer.js';

const NOW = Date.UTC(2026, 0, 1);

function strictStore(driver: BlobStore['driver'], blob?: StoredBlob) {
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected call to ${name}`);
  };
  return {
    driver,
    put: jest.fn(unexpected('put')),
    get: jest.fn(async (_key: string) => blob),
    head: jest.fn(unexpected('head')),
    exists: jest.fn(unexpected('exists')),
    delete: jest.fn(unexpected('delete')),
    presign: jest.fn(unexpected('presign')),
    presignUpload: jest.fn(unexpected('presignUpload')),
    list: jest.fn(unexpected('list')),
    ping: jest.fn(unexpected('ping')),
    close: jest.fn(unexpected('close')),
  } satisfies Record<keyof BlobStore, unknown>;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe('BlobDownloadService', () => {
  const signer = new BlobUrlSigner(Buffer.alloc(32, 9), () => NOW);
  const blob: StoredBlob = {
    key: 'k/1',
    size: 3,
    contentType: 'image/png',
    stream: Readable.from([Buffer.from('png')]),
  };

  it('opens the blob a genuine link names, with the type the link asks for', async () => {
    const store = strictStore('filesystem', blob);
    const opened = await new BlobDownloadService(store as unknown as BlobStore, signer).open(
      signer.link('k/1', 60, 'x.png', 'image/webp'),
    );
    expect(store.get).toHaveBeenCalledWith('k/1');
    expect(opened).toEqual({ blob, filename: 'x.png', contentType: 'image/webp' });
  });

  it('falls back to the stored content type', async () => {
    const opened = await new BlobDownloadService(
      strictStore('filesystem', blob) as unknown as BlobStore,
      signer,
    ).open(signer.link('k/1', 60));
    expect(opened.contentType).toBe('image/png');
  });

  it('checks the signature before touching the store', async () => {
    const store = strictStore('filesystem', blob);
    const query = { ...signer.link('k/1', 60), key: 'k/2' };
    expect(
      await codeOf(new BlobDownloadService(store as unknown as BlobStore, signer).open(query)),
    ).toBe(ErrorCode.InvalidSignature);
    expect(store.get).not.toHaveBeenCalled();
  });

  it('serves nothing through this route when blobs live in S3', async () => {
    const store = strictStore('s3', blob);
    expect(
      await codeOf(
        new BlobDownloadService(store as unknown as BlobStore, signer).open(signer.link('k/1', 60)),
      ),
    ).toBe(ErrorCode.NotFound);
    expect(store.get).not.toHaveBeenCalled();
  });

  it('answers not-found for a missing blob', async () => {
    const service = new BlobDownloadService(
      strictStore('filesystem') as unknown as BlobStore,
      signer,
    );
    expect(await codeOf(service.open(signer.link('k/none', 60)))).toBe(ErrorCode.NotFound);
  });

  it('is a public route: the link is the credential', () => {
    const handler = Object.getOwnPropertyDescriptor(BlobDownloadController.prototype, 'download')!;
    expect(Reflect.getMetadata(PUBLIC_KEY, handler.value)).toBe(true);
  });
});
