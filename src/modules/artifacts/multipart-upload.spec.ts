import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { receiveMultipart } from './multipart-upload.js';

const BOUNDARY = 'parleyboundary';
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/** A multipart request whose file part is produced on demand; counts what was pulled. */
function request(fileBytes: number, fields: Record<string, string> = {}) {
  let pulled = 0;
  function* parts() {
    for (const [name, value] of Object.entries(fields)) {
      yield Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      );
    }
    yield Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\n`,
    );
    for (let sent = 0; sent < fileBytes; sent += CHUNK.length) {
      const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, fileBytes - sent));
      pulled += chunk.length;
      yield chunk;
    }
    yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  }
  const req = Readable.from(parts(), { objectMode: false }) as Readable & { headers: object };
  req.headers = {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    'transfer-encoding': 'chunked',
  };
  return { req: req as unknown as Request, pulled: () => pulled };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
}

describe('receiveMultipart', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-multipart-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('streams the file to a temporary file, hashing it, with the fields beside it', async () => {
    const { req } = request(200 * 1024, { run_id: 'r1' });
    const file = await receiveMultipart(req, 1024 * 1024, tmp);
    const expected = createHash('sha256')
      .update(Buffer.alloc(200 * 1024, 0x61))
      .digest('hex');
    expect(file).toMatchObject({ size: 200 * 1024, sha256: expected, fields: { run_id: 'r1' } });
    expect(file.clientFilename).toBe('a.txt');
    expect(file.head.length).toBe(16 * 1024);
    expect(fs.statSync(file.path).size).toBe(200 * 1024);
    await file.discard();
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('takes every known field beside the file, and only the fields it is given', async () => {
    const all = { session_id: 's', run_id: 'r', tool_call_id: 't', metadata: '{}' };
    const file = await receiveMultipart(request(10, all).req, 1024, tmp);
    expect(file.fields).toEqual(all);
    await file.discard();
    const own = await receiveMultipart(request(10, { title: 'T' }).req, 1024, tmp, ['title']);
    expect(own.fields).toEqual({ title: 'T' });
    await own.discard();
    expect(
      await codeOf(receiveMultipart(request(10, { run_id: 'r' }).req, 1024, tmp, ['title'])),
    ).toBe(ErrorCode.ValidationFailed);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('stops reading at the limit and keeps no temporary file', async () => {
    const { req, pulled } = request(50 * 1024 * 1024);
    expect(await codeOf(receiveMultipart(req, 100 * 1024, tmp))).toBe(ErrorCode.PayloadTooLarge);
    // Far less than the 50 MB on offer was read: the body was never taken in whole.
    expect(pulled()).toBeLessThan(2 * 1024 * 1024);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('refuses an unknown field without keeping anything', async () => {
    const { req } = request(1024, { owner: 'someone-else' });
    expect(await codeOf(receiveMultipart(req, 1024 * 1024, tmp))).toBe(ErrorCode.ValidationFailed);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('refuses a body that is not multipart', async () => {
    const { req } = request(10);
    (req.headers as Record<string, string>)['content-type'] = 'text/plain';
    expect(await codeOf(receiveMultipart(req, 1024, tmp))).toBe(ErrorCode.UnsupportedMediaType);
  });
});
