import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';
import { BlobMeter } from './blob-meter.js';
import type { PutBlobOptions } from './blob-store.port.js';

const BODY = Buffer.from('hello, parley');
const SHA = createHash('sha256').update(BODY).digest('hex');

async function run(
  options: PutBlobOptions,
  chunks: Buffer[] = [BODY.subarray(0, 5), BODY.subarray(5)],
) {
  const meter = new BlobMeter(options);
  const sink: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    meter,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        sink.push(chunk);
        done();
      },
    }),
  );
  meter.verify();
  return { meter, written: Buffer.concat(sink) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe('BlobMeter', () => {
  it('passes the bytes through and measures them', async () => {
    const { meter, written } = await run({ contentLength: BODY.length, sha256: SHA });
    expect(written.equals(BODY)).toBe(true);
    expect(meter.bytes).toBe(BODY.length);
    expect(meter.sha256).toBe(SHA);
  });

  it('fails a body shorter or longer than declared', async () => {
    expect(await codeOf(run({ contentLength: BODY.length + 1 }))).toBe(
      ErrorCode.BlobContentMismatch,
    );
    expect(await codeOf(run({ contentLength: BODY.length - 1 }))).toBe(
      ErrorCode.BlobContentMismatch,
    );
  });

  it('fails a body whose checksum differs from the declared one', async () => {
    expect(await codeOf(run({ sha256: 'b'.repeat(64) }))).toBe(ErrorCode.BlobContentMismatch);
  });

  it('stops at the size limit', async () => {
    expect(await codeOf(run({ maxBytes: 5 }))).toBe(ErrorCode.PayloadTooLarge);
    expect(await codeOf(run({ maxBytes: BODY.length }))).toBeUndefined();
    expect(() => new BlobMeter({ maxBytes: 5, contentLength: 6 })).toThrow(DomainError);
  });

  it('refuses malformed declarations', () => {
    expect(() => new BlobMeter({ sha256: SHA.toUpperCase() })).toThrow(DomainError);
    expect(() => new BlobMeter({ contentLength: -1 })).toThrow(DomainError);
  });
});
