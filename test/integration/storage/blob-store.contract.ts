import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError } from '../../../src/platform/http/domain-error.js';
import { ErrorCode } from '../../../src/platform/http/error-codes.js';
import type { BlobStore } from '../../../src/platform/storage/blob-store.port.js';

const MiB = 1024 * 1024;

export interface ContractSubject {
  store: BlobStore;
  /** Bytes of an upload in progress that the store has already persisted. */
  persisted(): Promise<number>;
  /** How far the source may run ahead of what is persisted: the driver's buffering. */
  maxLagBytes: number;
}

/** A deterministic body of `size` bytes produced on demand, hashed as it goes. */
export function body(size: number, beforeChunk?: (produced: number) => Promise<void>) {
  const block = randomBytes(MiB);
  const hash = createHash('sha256');
  const result = { sha256: '' };
  async function* chunks() {
    for (let produced = 0, i = 0; produced < size; i++) {
      await beforeChunk?.(produced);
      const chunk = Buffer.from(block.subarray(0, Math.min(MiB, size - produced)));
      if (chunk.length >= 4) chunk.writeUInt32BE(i, 0);
      hash.update(chunk);
      produced += chunk.length;
      yield chunk;
    }
    result.sha256 = hash.digest('hex');
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), result };
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function drain(
  stream: Readable,
): Promise<{ size: number; sha256: string; text: string }> {
  const hash = createHash('sha256');
  let size = 0;
  let head = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (head.length < 64) head += chunk.toString('utf8', 0, 64);
  }
  return { size, sha256: hash.digest('hex'), text: head };
}

export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return err instanceof DomainError
      ? err.code
      : `${(err as Error).name}: ${(err as Error).message}`;
  }
  throw new Error('expected a failure');
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) found.push(item);
  return found;
}

async function keys(store: BlobStore, prefix: string): Promise<string[]> {
  return (await collect(store.list(prefix))).map((entry) => entry.key).sort();
}

/** What every blob store driver must do, run against each driver with its real backend. */
export function blobStoreContract(subject: () => ContractSubject): void {
  const store = () => subject().store;

  it('stores a multi-megabyte stream and gives back the same bytes and metadata', async () => {
    const src = body(6 * MiB + 123);
    const put = await store().put('contract/six', src.stream, {
      contentType: 'application/pdf',
      contentLength: 6 * MiB + 123,
    });
    expect(put).toEqual({ key: 'contract/six', size: 6 * MiB + 123, sha256: src.result.sha256 });
    expect(await store().head('contract/six')).toMatchObject({
      key: 'contract/six',
      size: 6 * MiB + 123,
      contentType: 'application/pdf',
    });
    expect(await store().exists('contract/six')).toBe(true);
    const got = await store().get('contract/six');
    expect(got).toMatchObject({ size: 6 * MiB + 123, contentType: 'application/pdf' });
    expect(await drain(got!.stream)).toMatchObject({
      size: 6 * MiB + 123,
      sha256: src.result.sha256,
    });
  });

  it('streams a large body of unknown length without holding it in memory', async () => {
    const { persisted, maxLagBytes } = subject();
    let maxLag = 0;
    const src = body(64 * MiB, async (produced) => {
      if (produced % (4 * MiB) === 0) maxLag = Math.max(maxLag, produced - (await persisted()));
    });
    const put = await store().put('contract/large', src.stream);
    expect(put.size).toBe(64 * MiB);
    expect(put.sha256).toBe(src.result.sha256);
    expect(maxLag).toBeGreaterThan(0);
    expect(maxLag).toBeLessThanOrEqual(maxLagBytes);
    const got = await store().get('contract/large');
    expect(await drain(got!.stream)).toEqual(
      expect.objectContaining({ sha256: src.result.sha256 }),
    );
  });

  it('replaces content under an existing key and keeps the declared checksum', async () => {
    await store().put('contract/replace', Readable.from([Buffer.from('first')]));
    const second = Buffer.from('second version');
    await store().put('contract/replace', Readable.from([second]), {
      sha256: sha256(second),
      contentLength: second.length,
      contentType: 'text/plain',
    });
    const got = await store().get('contract/replace');
    expect((await drain(got!.stream)).text).toBe('second version');
    expect((await store().head('contract/replace'))?.sha256).toBe(sha256(second));
  });

  it('answers undefined for a missing blob', async () => {
    expect(await store().get('contract/missing')).toBeUndefined();
    expect(await store().head('contract/missing')).toBeUndefined();
    expect(await store().exists('contract/missing')).toBe(false);
  });

  it('deletes idempotently', async () => {
    await store().put('contract/delete-me', Readable.from([Buffer.from('x')]));
    await store().delete('contract/delete-me');
    expect(await store().exists('contract/delete-me')).toBe(false);
    await expect(store().delete('contract/delete-me')).resolves.toBeUndefined();
    await expect(store().delete('contract/never-was')).resolves.toBeUndefined();
  });

  it('lists by prefix, including deeper keys and partial segments', async () => {
    for (const key of ['list/a/1', 'list/a/2', 'list/a/sub/3', 'list/ab/4', 'list/b/5']) {
      await store().put(key, Readable.from([Buffer.from(key)]));
    }
    expect(await keys(store(), 'list/a/')).toEqual(['list/a/1', 'list/a/2', 'list/a/sub/3']);
    expect(await keys(store(), 'list/a')).toEqual([
      'list/a/1',
      'list/a/2',
      'list/a/sub/3',
      'list/ab/4',
    ]);
    expect(await keys(store(), 'list/a/s')).toEqual(['list/a/sub/3']);
    expect(await keys(store(), 'list/nothing/')).toEqual([]);
    const [entry] = await collect(store().list('list/b/'));
    expect(entry).toMatchObject({ key: 'list/b/5', size: 'list/b/5'.length });
  });

  it('refuses a body that breaks its declared checksum, size or limit, and stores nothing', async () => {
    const data = Buffer.from('declared content');
    const cases: [string, Parameters<BlobStore['put']>[2], string][] = [
      [
        'contract/bad-sha',
        { sha256: sha256('other'), contentLength: data.length },
        ErrorCode.BlobContentMismatch,
      ],
      ['contract/bad-sha-unsized', { sha256: sha256('other') }, ErrorCode.BlobContentMismatch],
      ['contract/too-short', { contentLength: data.length + 10 }, ErrorCode.BlobContentMismatch],
      ['contract/too-long', { contentLength: data.length - 1 }, ErrorCode.BlobContentMismatch],
      ['contract/over-limit', { maxBytes: 4 }, ErrorCode.PayloadTooLarge],
    ];
    for (const [key, options, code] of cases) {
      expect(await errorCode(store().put(key, Readable.from([data]), options))).toBe(code);
      expect(await store().exists(key)).toBe(false);
    }
  });

  it('fails the put, storing nothing, when the source fails midway', async () => {
    async function* failing() {
      yield Buffer.alloc(MiB, 1);
      throw new Error('client went away');
    }
    const failed = store().put('contract/aborted', Readable.from(failing(), { objectMode: false }));
    expect(await errorCode(failed)).toMatch(/client went away/);
    expect(await store().exists('contract/aborted')).toBe(false);
  });

  it('rejects invalid keys on every operation', async () => {
    const bad = '../escape';
    const s = store();
    const attempts: (() => Promise<unknown>)[] = [
      () => s.put(bad, Readable.from([Buffer.from('x')])),
      () => s.get(bad),
      () => s.head(bad),
      () => s.exists(bad),
      () => s.delete(bad),
      () => s.presign(bad),
      () => collect(s.list('../')),
    ];
    for (const attempt of attempts) {
      expect(await errorCode(attempt())).toBe(ErrorCode.InvalidBlobKey);
    }
  });

  it('answers its readiness ping', async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });
}
