import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import request from 'supertest';
import type { AppConfig } from '../../src/platform/config/config.js';
import { SecretsService } from '../../src/platform/config/secrets.service.js';
import { BLOB_STORE, type BlobStore } from '../../src/platform/storage/blob-store.port.js';
import { BlobUrlSigner } from '../../src/platform/storage/blob-url-signer.js';
import { startTestApp, testConfig } from '../support/app.js';

const PROBLEM = /^application\/problem\+json/;
const CONTENT = randomBytes(3 * 1024 * 1024 + 17);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A supertest parser that keeps the body as raw bytes. */
function binary(res: unknown, done: (err: Error | null, body: unknown) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('signed blob downloads through the API (filesystem blob store)', () => {
  let config: AppConfig;
  let app: NestExpressApplication;
  let store: BlobStore;
  let signingKey: Buffer;

  const http = () => request(app.getHttpServer());
  /** The path and query of a presigned URL, for supertest. */
  const local = (url: string) => {
    const { pathname, search } = new URL(url);
    return `${pathname}${search}`;
  };
  const withParam = (url: string, name: string, value: string) => {
    const u = new URL(url);
    u.searchParams.set(name, value);
    return local(u.toString());
  };

  beforeAll(async () => {
    config = testConfig('server', { PUBLIC_URL: 'https://api.parley.example' });
    app = await startTestApp(config);
    store = app.get<BlobStore>(BLOB_STORE);
    signingKey = app.get(SecretsService).urlSigningKey;
    await store.put('e2e/report', Readable.from([CONTENT]), { contentType: 'application/pdf' });
    await store.put('e2e/other', Readable.from([Buffer.from('someone else')]));
  });

  afterAll(async () => {
    await app?.close();
    if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
  });

  it('downloads the exact bytes from a presigned link, as a private attachment', async () => {
    const url = await store.presign('e2e/report', { filename: 'Q1 report.pdf' });
    expect(url).toMatch(/^https:\/\/api\.parley\.example\/v1\/blobs\/download\?/);
    const res = await http().get(local(url)).buffer(true).parse(binary).expect(200);
    expect(sha256(res.body as Buffer)).toBe(sha256(CONTENT));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(CONTENT.length));
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Q1 report.pdf"; filename*=UTF-8''Q1%20report.pdf`,
    );
    expect(res.headers['cache-control']).toBe('private');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the content type the link names', async () => {
    const url = await store.presign('e2e/other', { contentType: 'text/plain' });
    const res = await http().get(local(url)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['content-disposition']).toBe('attachment');
    expect(res.text).toBe('someone else');
  });

  it('refuses an expired link with 410', async () => {
    const hourAgo = new BlobUrlSigner(signingKey, () => Date.now() - 3_600_000);
    const query = new URLSearchParams({ ...hourAgo.link('e2e/report', 60) });
    const res = await http().get(`/v1/blobs/download?${query}`).expect(410);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 410, code: 'link-expired' });
  });

  it.each([
    ['signature', 'sig', 'A'.repeat(43)],
    ['key', 'key', 'e2e/other'],
    ['expiry', 'exp', String(Math.floor(Date.now() / 1000) + 86_400)],
    ['file name', 'name', 'payload.html'],
    ['content type', 'type', 'text/html'],
  ])('refuses a link whose %s was altered with 403', async (_label, param, value) => {
    const url = await store.presign('e2e/report', {
      filename: 'r.pdf',
      contentType: 'application/pdf',
    });
    const res = await http()
      .get(withParam(url, param, value))
      .expect(403);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 403, code: 'invalid-signature' });
  });

  it('answers 404 for a genuine link to a blob that does not exist', async () => {
    const url = await store.presign('e2e/never-stored');
    const res = await http().get(local(url)).expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('refuses a validly signed key that would leave the blob folder', async () => {
    const signer = new BlobUrlSigner(signingKey);
    const query = new URLSearchParams({ ...signer.link('../secrets.json', 60) });
    const res = await http().get(`/v1/blobs/download?${query}`).expect(400);
    expect(res.body).toMatchObject({ code: 'invalid-blob-key' });
    expect(res.text).not.toMatch(/PRIVATE KEY|encryptionKey/);
  });

  it('answers a link without its signature with a validation problem', async () => {
    const res = await http().get('/v1/blobs/download?key=e2e/report&exp=1').expect(400);
    expect(res.body).toMatchObject({ code: 'validation-failed' });
  });

  it('reports the blob store in readiness', async () => {
    const res = await http().get('/health/ready').expect(200);
    expect(res.body.details.blob_store).toEqual({ status: 'up', driver: 'filesystem' });
    expect(res.body.blobs).toBe('filesystem');
  });
});
