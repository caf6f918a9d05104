import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from './mime-sniff.js';

/**
 * Holds a stream's first `limit` bytes back until they are judged: once more
 * than `limit` bytes came (or the stream ended first), `inspect` sees them, and
 * only if it resolves do they pass on, followed by the rest untouched. A
 * rejection fails the stream with its error, before a byte went through.
 */
export class HeadGate extends Transform {
  private readonly held: Buffer[] = [];
  private heldBytes = 0;
  private judged = false;
  private kept?: Buffer;

  constructor(
    private readonly inspect?: (head: Buffer, complete: boolean) => Promise<void>,
    private readonly limit = SNIFF_BYTES,
  ) {
    super();
  }

  /** The first `limit` bytes (fewer when the stream was shorter). */
  get head(): Buffer {
    return this.kept ?? Buffer.concat(this.held).subarray(0, this.limit);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.judged) return done(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    // Exactly `limit` bytes may be the whole file: judge only once one more byte shows it is not.
    if (this.heldBytes <= this.limit) return done();
    this.release(false, done);
  }

  override _flush(done: TransformCallback): void {
    if (this.judged) return done();
    this.release(true, done);
  }

  private release(complete: boolean, done: TransformCallback): void {
    this.judged = true;
    const all = Buffer.concat(this.held);
    this.held.length = 0;
    this.kept = Buffer.from(all.subarray(0, this.limit));
    (this.inspect ? this.inspect(this.kept, complete) : Promise.resolve()).then(
      () => done(null, all),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  }
}
