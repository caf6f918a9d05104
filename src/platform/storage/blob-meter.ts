import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';
import type { PutBlobOptions } from './blob-store.port.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Sits between an upload's body and the store: hashes and counts the bytes as
 * they pass, and fails the stream (so the store keeps nothing) the moment the
 * body breaks its declared size or limit. The checksum can only be judged at
 * the end, by `verify`.
 */
export class BlobMeter extends Transform {
  // Not `size`: lib-storage reads a body's `size` as its total length.
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest?: string;

  constructor(private readonly options: PutBlobOptions = {}) {
    super();
    const { contentLength, sha256, maxBytes } = options;
    if (
      contentLength !== undefined &&
      !(Number.isSafeInteger(contentLength) && contentLength >= 0)
    ) {
      throw new DomainError(ErrorCode.ValidationFailed, 'contentLength must be a byte count.');
    }
    if (sha256 !== undefined && !SHA256_HEX.test(sha256)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'sha256 must be 64 lowercase hex digits.');
    }
    if (maxBytes !== undefined && contentLength !== undefined && contentLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const { contentLength, maxBytes } = this.options;
    if (maxBytes !== undefined && this.bytes > maxBytes) return done(tooLarge(maxBytes));
    if (contentLength !== undefined && this.bytes > contentLength) {
      return done(mismatch(`the body is longer than the declared ${contentLength} bytes`));
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const { contentLength } = this.options;
    if (contentLength !== undefined && this.bytes !== contentLength) {
      return done(mismatch(`the body has ${this.bytes} bytes, not the declared ${contentLength}`));
    }
    this.digest = this.hash.digest('hex');
    done();
  }

  /** The body's SHA-256 (hex), once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error('BlobMeter read before the body ended');
    return this.digest;
  }

  /** Throws when a declared checksum does not match what streamed through. */
  verify(): void {
    const expected = this.options.sha256;
    if (expected !== undefined && expected !== this.sha256) {
      throw mismatch(`its SHA-256 is ${this.sha256}, not the declared ${expected}`);
    }
  }
}

function mismatch(detail: string): DomainError {
  return new DomainError(ErrorCode.BlobContentMismatch, `The upload was refused: ${detail}.`);
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    ErrorCode.PayloadTooLarge,
    `The upload exceeds the limit of ${maxBytes} bytes.`,
    { limit: maxBytes },
  );
}
