import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FilesystemBlobStore } from '../../../src/platform/storage/filesystem-blob.store.js';
import { BlobUrlSigner } from '../../../src/platform/storage/blob-url-signer.js';
import { ErrorCode } from '../../../src/platform/http/error-codes.js';
import { tempDir } from '../../support/app.js';
import {
  blobStoreContract,
  drain,
  errorCode,
  type ContractSubject,
} from './blob-store.contract.js';

const MiB = 1024 * 1024;

describe('filesystem blob store', () => {
  const dataDir = tempDir('parley-blobs-');
  const root = path.join(dataDir, 'blobs');
  const signer = new BlobUrlSigner(Buffer.alloc(32, 3));
  let store: FilesystemBlobStore;

  const tmpFiles = () => fs.readdirSync(path.join(root, '.tmp'));

  beforeAll(async () => {
    store = await new FilesystemBlobStore({
      root,
      signer,
      publicUrl: 'https://parley.example/',
      defaultTtlSeconds: 300,
    }).init();
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('contract', () => {
    blobStoreContract((): ContractSubject => ({
      store,
      persisted: async () =>
        tmpFiles().reduce((sum, name) => sum + fs.statSync(path.join(root, '.tmp', name)).size, 0),
      // One 1 MiB source chunk plus the stream buffers in between.
      maxLagBytes: 4 * MiB,
    }));
  });

  it('keeps the previous content when a replacing upload fails, and leaves no temporary file', async () => {
    await store.put('fs/keep', Readable.from([Buffer.from('original')]));
    async function* failing() {
      yield Buffer.from('partial replacement');
      throw new Error('client went away');
    }
    await expect(
      store.put('fs/keep', Readable.from(failing(), { objectMode: false })),
    ).rejects.toThrow(/client went away/);
    expect((await drain((await store.get('fs/keep'))!.stream)).text).toBe('original');
    expect(tmpFiles()).toEqual([]);
  });

  it('never writes outside its folder, whatever the key', async () => {
    const outside = fs.readdirSync(dataDir);
    for (const key of ['../outside', 'a/../../outside', '/tmp/outside', '..\\outside', '.tmp/x']) {
      expect(await errorCode(store.put(key, Readable.from([Buffer.from('x')])))).toBe(
        ErrorCode.InvalidBlobKey,
      );
    }
    expect(fs.readdirSync(dataDir)).toEqual(outside);
  });

  it('lists only blobs, not its temporary or metadata files', async () => {
    await store.put('hidden/one', Readable.from([Buffer.from('1')]), { contentType: 'text/plain' });
    fs.writeFileSync(path.join(root, '.tmp', 'stray'), 'x');
    const found: string[] = [];
    for await (const entry of store.list('')) found.push(entry.key);
    expect(found).toContain('hidden/one');
    expect(found.filter((key) => key.split('/').some((s) => s.startsWith('.')))).toEqual([]);
    fs.rmSync(path.join(root, '.tmp', 'stray'));
  });

  it('presigns a link to the API download route that its signer accepts', async () => {
    const url = new URL(
      await store.presign('fs/keep', {
        ttlSeconds: 60,
        filename: 'a.txt',
        contentType: 'text/plain',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://parley.example/v1/blobs/download');
    const query = Object.fromEntries(url.searchParams) as unknown as Parameters<
      BlobUrlSigner['verify']
    >[0];
    const link = signer.verify(query);
    expect(link).toMatchObject({ key: 'fs/keep', filename: 'a.txt', contentType: 'text/plain' });
    expect(link.exp - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(59);
    expect(link.exp - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(60);
  });

  it('is not ready when its folder is gone', async () => {
    const gone = new FilesystemBlobStore({
      root: path.join(dataDir, 'will-vanish'),
      signer,
      publicUrl: 'http://localhost:3000',
      defaultTtlSeconds: 300,
    });
    await gone.init();
    fs.rmSync(path.join(dataDir, 'will-vanish'), { recursive: true });
    await expect(gone.ping()).rejects.toThrow();
  });
});
