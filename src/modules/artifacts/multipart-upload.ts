import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { hasBody } from '../../platform/http/body-media-type.js';
import { BlobMeter } from '../../platform/storage/blob-meter.js';
import { SNIFF_BYTES } from './mime-sniff.js';

/** The form fields an upload may carry beside `file`. */
export const UPLOAD_FIELDS = ['session_id', 'run_id', 'tool_call_id', 'metadata'] as const;
export type UploadFields = Partial<Record<(typeof UPLOAD_FIELDS)[number], string>>;

/** A file received in full into a private temporary file, measured on the way. */
export interface ReceivedFile<F extends string = (typeof UPLOAD_FIELDS)[number]> {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, for sniffing. */
  head: Buffer;
  clientFilename?: string;
  fields: Partial<Record<F, string>>;
  /** Removes the temporary file; safe to call twice. */
  discard(): Promise<void>;
}

const MAX_FIELD_BYTES = 32 * 1024;

/** Keeps the first `limit` bytes that pass, without holding more. */
export class HeadCollector extends Transform {
  private readonly chunks: Buffer[] = [];
  private kept = 0;

  constructor(private readonly limit = SNIFF_BYTES) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.kept < this.limit) {
      const part = chunk.subarray(0, this.limit - this.kept);
      this.chunks.push(Buffer.from(part));
      this.kept += part.length;
    }
    done(null, chunk);
  }

  get head(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export function uploadsTmpDir(): string {
  return path.join(os.tmpdir(), 'parley-uploads');
}

function invalid(message: string, field = 'file'): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, { errors: [{ field, message }] });
}

/**
 * Streams a `multipart/form-data` request: the one `file` part goes through a
 * meter (size limit, SHA-256) into a temporary file, never whole into memory;
 * the other parts are the known text fields (`fieldNames`). Any failure (too large, a stray
 * part, a broken body, the client leaving) removes the temporary file before
 * it is reported. `maxBytes` stops the read at once when it is exceeded.
 */
export async function receiveMultipart<F extends string = (typeof UPLOAD_FIELDS)[number]>(
  req: Request,
  maxBytes: number,
  tmpDir = uploadsTmpDir(),
  fieldNames: readonly F[] = UPLOAD_FIELDS as unknown as readonly F[],
): Promise<ReceivedFile<F>> {
  if (!hasBody(req)) throw invalid('The upload has no file in the field "file".');
  await fsp.mkdir(tmpDir, { recursive: true, mode: 0o700 });
  const tmp = path.join(tmpDir, randomUUID());
  const discard = () => fsp.rm(tmp, { force: true });
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // File names in UTF-8 (what browsers send), not busboy's default Latin-1.
      defParamCharset: 'utf8',
      limits: {
        files: 1,
        fields: fieldNames.length,
        // busboy reports the parts limit on reaching it, not on passing it: one more than allowed.
        parts: fieldNames.length + 2,
        fieldSize: MAX_FIELD_BYTES,
        fieldNameSize: 64,
      },
    });
  } catch {
    throw new DomainError(
      ErrorCode.UnsupportedMediaType,
      'This route takes a multipart/form-data body with the file in the field "file".',
    );
  }
  const fields: Partial<Record<F, string>> = {};
  let received: Omit<ReceivedFile<F>, 'fields' | 'discard' | 'path'> | undefined;
  let writing: Promise<void> | undefined;
  let fileStream: (NodeJS.ReadableStream & { destroy(err?: Error): void }) | undefined;

  const done = new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      parser.removeAllListeners('file');
      parser.on('error', () => {});
      // The rest of the file will not come now: end its write, whatever stopped the upload.
      fileStream?.destroy(err instanceof Error ? err : undefined);
      reject(err);
    };
    parser.on('field', (name, value, info) => {
      if (!(fieldNames as readonly string[]).includes(name)) {
        return fail(invalid(`The field "${name}" is not accepted here.`, name));
      }
      if (info.valueTruncated || name in fields) {
        return fail(invalid(`The field "${name}" is too long or repeated.`, name));
      }
      fields[name as F] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || writing) {
        stream.resume();
        return fail(invalid(`Only one file, in the field "file", is accepted.`, name));
      }
      fileStream = stream;
      const meter = new BlobMeter({ maxBytes });
      const head = new HeadCollector();
      writing = pipeline(
        stream,
        meter,
        head,
        fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }),
      ).then(() => {
        received = {
          size: meter.bytes,
          sha256: meter.sha256,
          head: head.head,
          clientFilename: info.filename,
        };
      });
      writing.catch(fail);
    });
    parser.on('filesLimit', () => fail(invalid('Only one file is accepted.')));
    parser.on('fieldsLimit', () => fail(invalid('Too many fields.')));
    parser.on('partsLimit', () => fail(invalid('Too many parts.')));
    parser.on('error', () => fail(invalid('The multipart body is malformed.')));
    parser.on('close', () => {
      if (!writing) return fail(invalid('The upload has no file in the field "file".'));
      writing.then(() => resolve(), fail);
    });
    req.on('aborted', () =>
      fail(new DomainError(ErrorCode.MalformedRequest, 'The upload was cut short.')),
    );
    req.on('error', fail);
  });

  req.pipe(parser);
  try {
    await done;
  } catch (err) {
    // A failure may come while the file is still being written: let the write end first.
    await writing?.catch(() => undefined);
    await discard();
    throw err;
  }
  return { ...received!, path: tmp, fields, discard };
}
