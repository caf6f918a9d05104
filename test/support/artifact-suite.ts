import { AccountErasureService } from '../../src/modules/erasure/account-erasure.service.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ArtifactCollector } from '../../src/modules/artifacts/artifact-collector.service.js';
import { artifactBlobKey } from '../../src/modules/artifacts/artifact-key.js';
import { uploadsTmpDir } from '../../src/modules/artifacts/multipart-upload.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { SecretsService } from '../../src/platform/config/secrets.service.js';
import { BLOB_STORE, type BlobStore } from '../../src/platform/storage/blob-store.port.js';
import { BlobUrlSigner } from '../../src/platform/storage/blob-url-signer.js';
import { UploadLinkSigner } from '../../src/modules/artifacts/upload-link.js';
import { linkChild } from '../factories/collectives.js';
import { createConversation } from '../factories/conversations.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';

const PROBLEM = /^application\/problem\+json/;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** Distinct content per call: tests share one store. */
const unique = (label: string) => Buffer.from(`${label} ${randomBytes(8).toString('hex')}\n`);

/** A supertest parser that keeps the body as raw bytes. */
function binary(res: unknown, done: (err: Error | null, body: unknown) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Limits the suite's app runs with: small, so that the limits are reachable. */
export const ARTIFACT_TEST_ENV = {
  ARTIFACT_MAX_BYTES: '256kb',
  ARTIFACT_QUOTA_BYTES: '1mb',
  ARTIFACT_QUOTA_COUNT: '30',
  // No grace: the race tests then show the protocol alone keeps a needed blob.
  ARTIFACT_BLOB_GRACE_SECONDS: '0',
  PUBLIC_URL: 'https://api.parley.example',
};

/**
 * The artifacts contract for one engine and blob store: upload, dedup, sniffing,
 * limits, ingest, downloads (S7), references and collection (R4), quotas,
 * consent and erasure.
 */
export function describeArtifacts(label: string, makeConfig: () => Promise<AppConfig>): void {
  describe(`artifacts (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    let store: BlobStore;
    let alice: TestUser;
    let conversation: string;
    const http = () => request(app.getHttpServer());
    const db = () => app.get(DataSource);
    const count = async (sql: string, params: unknown[]) =>
      ((await db().query(sql, params)) as { n: number }[])[0]!.n;
    const refs = (sha: string) =>
      count(`SELECT count(*)::int AS n FROM app.artifacts WHERE sha256 = $1`, [sha]);
    const blobRows = (sha: string) =>
      count(`SELECT count(*)::int AS n FROM app.artifact_blobs WHERE sha256 = $1`, [sha]);
    const objects = async (sha: string) => {
      const keys: string[] = [];
      for await (const e of store.list(`artifacts/${sha.slice(0, 2)}/${sha.slice(2, 4)}/`)) {
        if (e.key.endsWith(sha)) keys.push(e.key);
      }
      return keys.length;
    };
    const upload = (
      user: TestUser,
      body: Buffer,
      filename = 'file.bin',
      fields: Record<string, string> = {},
      conversationId = conversation,
    ) => {
      const req = http().post(`/v1/conversations/${conversationId}/artifacts`).set(user.auth);
      for (const [k, v] of Object.entries(fields)) req.field(k, v);
      return req.attach('file', body, { filename, contentType: 'application/x-whatever' });
    };
    const local = (url: string) => {
      const { pathname, search } = new URL(url);
      return `${pathname}${search}`;
    };

    beforeAll(async () => {
      config = await makeConfig();
      app = await startTestApp(config);
      store = app.get<BlobStore>(BLOB_STORE);
      alice = await startFullGuest(app);
      conversation = await createConversation(app, alice);
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
    });

    it('uploads a file, sniffs its type from the content, and keeps what the form said', async () => {
      const res = await upload(alice, PNG, 'notes.txt', {
        run_id: 'run-1',
        tool_call_id: 'call_1',
        metadata: JSON.stringify({ step: 3 }),
      }).expect(201);
      expect(res.body).toMatchObject({
        conversation_id: conversation,
        sha256: sha256(PNG),
        size: PNG.length,
        mime: 'image/png',
        filename: 'notes.txt',
        session_id: null,
        run_id: 'run-1',
        tool_call_id: 'call_1',
        metadata: { step: 3 },
      });
      const row = (await db().query(
        `SELECT conversation_id, user_id, filename, mime, size::int AS size, run_id FROM app.artifacts WHERE id = $1`,
        [res.body.id],
      )) as unknown[];
      expect(row).toEqual([
        {
          conversation_id: conversation,
          user_id: alice.id,
          filename: 'notes.txt',
          mime: 'image/png',
          size: PNG.length,
          run_id: 'run-1',
        },
      ]);
      expect(await objects(sha256(PNG))).toBe(1);
    });

    it('stores identical content once and says so', async () => {
      const body = unique('dedup');
      const first = await upload(alice, body, 'a.txt').expect(201);
      const second = await upload(alice, body, 'b.txt').expect(201);
      expect(first.body).toMatchObject({ deduplicated: false, mime: 'text/plain' });
      expect(second.body).toMatchObject({ deduplicated: true, sha256: first.body.sha256 });
      expect(second.body.id).not.toBe(first.body.id);
      expect(await blobRows(sha256(body))).toBe(1);
      expect(await refs(sha256(body))).toBe(2);
      expect(await objects(sha256(body))).toBe(1);
    });

    it('sanitises file names: traversal, control characters, RTL overrides', async () => {
      const res = await upload(alice, unique('names'), '..\\..\\evil\u202etxt.exe').expect(201);
      expect(res.body.filename).toBe('eviltxt.exe.txt');
    });

    it('lists, reads and deletes artifacts, a page at a time', async () => {
      const conv = await createConversation(app, alice);
      const ids: string[] = [];
      for (const n of [1, 2, 3]) {
        ids.push(
          (await upload(alice, unique(`list ${n}`), `${n}.txt`, {}, conv).expect(201)).body.id,
        );
      }
      const page1 = await http()
        .get(`/v1/conversations/${conv}/artifacts?limit=2`)
        .set(alice.auth)
        .expect(200);
      expect(page1.body.data.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
      const page2 = await http()
        .get(`/v1/conversations/${conv}/artifacts?limit=2&after=${page1.body.next_cursor}`)
        .set(alice.auth)
        .expect(200);
      expect(page2.body).toEqual({
        data: [expect.objectContaining({ id: ids[0] })],
        next_cursor: null,
      });
      const one = await http().get(`/v1/artifacts/${ids[0]}`).set(alice.auth).expect(200);
      expect(one.body).toMatchObject({ id: ids[0], filename: '1.txt' });
      await http().delete(`/v1/artifacts/${ids[0]}`).set(alice.auth).expect(204);
      await http().get(`/v1/artifacts/${ids[0]}`).set(alice.auth).expect(404);
      await http().delete(`/v1/artifacts/${ids[0]}`).set(alice.auth).expect(404);
    });

    it('redirects a download to a URL minted per request, serving the sniffed type as an attachment', async () => {
      const body = Buffer.from('{"ok": true}');
      const id = (await upload(alice, body, 'résumé.json').expect(201)).body.id as string;
      const a = await http().get(`/v1/artifacts/${id}/download`).set(alice.auth).expect(307);
      expect(a.headers['cache-control']).toBe('no-store');
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      const url = a.headers.location!;
      const url2 = (await http().get(`/v1/artifacts/${id}/download`).set(alice.auth).expect(307))
        .headers.location;
      expect(url).toMatch(/^https?:\/\//);
      const row = JSON.stringify(
        await db().query(`SELECT * FROM app.artifacts WHERE id = $1`, [id]),
      );
      expect(row).not.toContain(new URL(url).search.slice(1, 40));
      const disposition = `attachment; filename="r_sum_.json"; filename*=UTF-8''r%C3%A9sum%C3%A9.json`;
      if (store.driver === 'filesystem') {
        expect(url).toMatch(/^https:\/\/api\.parley\.example\/v1\/blobs\/download\?/);
        const res = await http().get(local(url)).buffer(true).parse(binary).expect(200);
        expect((res.body as Buffer).equals(body)).toBe(true);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-disposition']).toBe(disposition);
      } else {
        const u = new URL(url);
        expect(u.searchParams.get('X-Amz-Expires')).toBe(String(config.blobs.urlTtlSeconds));
        expect(u.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
        expect(u.searchParams.get('response-content-type')).toBe('application/json; charset=utf-8');
        expect(u.searchParams.get('response-content-disposition')).toBe(disposition);
        const res = await fetch(url);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(res.headers.get('content-disposition')).toBe(disposition);
      }
      expect(url2).not.toBe(undefined);
    });

    it('S7: refuses an expired or tampered download link', async () => {
      if (store.driver !== 'filesystem') {
        // s3rver checks no presigned expiry: the signer's own tests and the expiry above stand for it.
        expect(config.blobs.urlTtlSeconds).toBeGreaterThan(0);
        return;
      }
      const id = (await upload(alice, unique('s7'), 's7.txt').expect(201)).body.id as string;
      const url = new URL(
        (await http().get(`/v1/artifacts/${id}/download`).set(alice.auth).expect(307)).headers
          .location!,
      );
      const tampered = new URL(url);
      tampered.searchParams.set('type', 'text/html');
      const res = await http().get(local(tampered.toString())).expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      const swapped = new URL(url);
      swapped.searchParams.set('key', artifactBlobKey(sha256(PNG)));
      await http().get(local(swapped.toString())).expect(403);
      const signer = new BlobUrlSigner(
        app.get(SecretsService).urlSigningKey,
        () => Date.now() - 3_600_000,
      );
      const old = new URLSearchParams({ ...signer.link(url.searchParams.get('key')!, 60) });
      const expired = await http().get(`/v1/blobs/download?${old.toString()}`).expect(410);
      expect(expired.body.code).toBe('link-expired');
    });

    it("S7: another user's artifact is 404, for every route", async () => {
      const id = (await upload(alice, unique('mine'), 'mine.txt').expect(201)).body.id as string;
      const bob = await startFullGuest(app);
      for (const path of [`/v1/artifacts/${id}`, `/v1/artifacts/${id}/download`]) {
        const res = await http().get(path).set(bob.auth).expect(404);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      await http().delete(`/v1/artifacts/${id}`).set(bob.auth).expect(404);
      await upload(bob, unique('theirs'), 'x.txt').expect(404);
      await http().get(`/v1/conversations/${conversation}/artifacts`).set(bob.auth).expect(404);
      await http().get(`/v1/artifacts/${id}`).set(alice.auth).expect(200);
    });

    it('refuses a file over ARTIFACT_MAX_BYTES with 413 and keeps nothing', async () => {
      const big = randomBytes(300 * 1024);
      const before = await count(`SELECT count(*)::int AS n FROM app.artifacts`, []);
      const res = await upload(alice, big, 'big.bin').expect(413);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('payload-too-large');
      expect(await count(`SELECT count(*)::int AS n FROM app.artifacts`, [])).toBe(before);
      expect(await blobRows(sha256(big))).toBe(0);
      expect(await objects(sha256(big))).toBe(0);
      const left = fs.existsSync(uploadsTmpDir()) ? fs.readdirSync(uploadsTmpDir()) : [];
      expect(left).toEqual([]);
    });

    it.each([
      [
        'an executable',
        Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]),
        'tool.pdf',
      ],
      ['a shell script', Buffer.from('#!/bin/sh\necho hi\n'), 'run.txt'],
      [
        'an HTML page',
        Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
        'page.txt',
      ],
    ])('refuses %s with 415 whatever its name says', async (_label, body, name) => {
      const res = await upload(alice, body, name).expect(415);
      expect(res.body.code).toBe('artifact-type-refused');
      expect(await blobRows(sha256(body))).toBe(0);
    });

    it('answers bad forms with 400 or 415, never storing anything', async () => {
      const body = unique('bad-form');
      const bad = [
        await upload(alice, body, 'x.txt', { metadata: '[1,2]' }),
        await upload(alice, body, 'x.txt', { metadata: '{not json' }),
        await upload(alice, body, 'x.txt', { session_id: 'nope' }),
        await upload(alice, body, 'x.txt', { surprise: '1' }),
        await http()
          .post(`/v1/conversations/${conversation}/artifacts`)
          .set(alice.auth)
          .field('run_id', 'r'),
        await http()
          .post(`/v1/conversations/${conversation}/artifacts`)
          .set(alice.auth)
          .attach('other', body, 'x.txt'),
      ];
      expect(bad.map((r) => [r.status, r.body.code])).toEqual(
        Array(6).fill([400, 'validation-failed']),
      );
      const json = await http()
        .post(`/v1/conversations/${conversation}/artifacts`)
        .set(alice.auth)
        .send({ file: 'x' })
        .expect(415);
      expect(json.headers['content-type']).toMatch(PROBLEM);
      await http().post(`/v1/conversations/${conversation}/artifacts`).set(alice.auth).expect(400);
      expect(await blobRows(sha256(body))).toBe(0);
    });

    it('ingests an object already under its content key, verified by its hash', async () => {
      const body = unique('sandbox');
      const sha = sha256(body);
      await store.put(artifactBlobKey(sha), Readable.from([body]));
      const res = await http()
        .post(`/v1/conversations/${conversation}/artifacts/ingest`)
        .set(alice.auth)
        .send({ sha256: sha, filename: 'out.txt', run_id: 'r2', metadata: { k: 1 } })
        .expect(201);
      expect(res.body).toMatchObject({
        sha256: sha,
        size: body.length,
        mime: 'text/plain',
        filename: 'out.txt',
        deduplicated: false,
      });
      expect(await refs(sha)).toBe(1);
    });

    it('ingest answers 422 and registers nothing when the object does not match its key, or is missing', async () => {
      const claimed = sha256(unique('claimed'));
      await store.put(artifactBlobKey(claimed), Readable.from([unique('other bytes')]));
      const res = await http()
        .post(`/v1/conversations/${conversation}/artifacts/ingest`)
        .set(alice.auth)
        .send({ sha256: claimed })
        .expect(422);
      expect(res.body.code).toBe('blob-content-mismatch');
      expect(await blobRows(claimed)).toBe(0);
      expect(await refs(claimed)).toBe(0);
      const missing = await http()
        .post(`/v1/conversations/${conversation}/artifacts/ingest`)
        .set(alice.auth)
        .send({ sha256: sha256(unique('never stored')) })
        .expect(422);
      expect(missing.body.code).toBe('artifact-object-missing');
    });

    it('R4: 20 concurrent identical uploads make 1 blob and 20 references', async () => {
      const user = await startFullGuest(app);
      const conv = await createConversation(app, user);
      const body = randomBytes(32 * 1024);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => upload(user, body, 'same.bin', {}, conv)),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(results.filter((r) => !r.body.deduplicated)).toHaveLength(1);
      expect(await blobRows(sha256(body))).toBe(1);
      expect(await refs(sha256(body))).toBe(20);
      expect(await objects(sha256(body))).toBe(1);
    });

    it('a delete racing an identical upload never removes the blob that upload needs', async () => {
      const gc = app.get(ArtifactCollector);
      for (let round = 0; round < 5; round++) {
        const body = unique(`race ${round}`);
        const first = await upload(alice, body, 'r.txt').expect(201);
        const [, second] = await Promise.all([
          http().delete(`/v1/artifacts/${first.body.id}`).set(alice.auth).expect(204),
          upload(alice, body, 'r.txt').expect(201),
          gc.collectGarbage(),
        ]);
        await gc.collectGarbage();
        expect(await refs(sha256(body))).toBe(1);
        expect(await objects(sha256(body))).toBe(1);
        const url = (
          await http().get(`/v1/artifacts/${second.body.id}/download`).set(alice.auth).expect(307)
        ).headers.location!;
        const got =
          store.driver === 'filesystem'
            ? ((await http().get(local(url)).buffer(true).parse(binary).expect(200)).body as Buffer)
            : Buffer.from(await (await fetch(url)).arrayBuffer());
        expect(got.equals(body)).toBe(true);
      }
    });

    it('collects a blob once its last reference has gone', async () => {
      const body = unique('collect');
      const a = (await upload(alice, body, 'c.txt').expect(201)).body.id as string;
      const b = (await upload(alice, body, 'c.txt').expect(201)).body.id as string;
      const gc = app.get(ArtifactCollector);
      await http().delete(`/v1/artifacts/${a}`).set(alice.auth).expect(204);
      await gc.collectGarbage();
      expect(await objects(sha256(body))).toBe(1);
      await http().delete(`/v1/artifacts/${b}`).set(alice.auth).expect(204);
      expect(await gc.collectGarbage()).toBeGreaterThanOrEqual(1);
      expect(await blobRows(sha256(body))).toBe(0);
      expect(await objects(sha256(body))).toBe(0);
    });

    /** PUTs the bytes where a large upload said, the way a client would. */
    const putContent = async (
      target: { url: string; headers: Record<string, string> },
      body: Buffer,
    ): Promise<number> => {
      if (store.driver === 'filesystem') {
        const req = http().put(local(target.url));
        for (const [k, v] of Object.entries(target.headers)) req.set(k, v);
        return (await req.send(body)).status;
      }
      const headers = Object.fromEntries(
        Object.entries(target.headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
      );
      const res = await fetch(target.url, { method: 'PUT', headers, body });
      await res.arrayBuffer();
      return res.status;
    };
    const startUpload = (user: TestUser, body: object, conversationId = conversation) =>
      http()
        .post(`/v1/conversations/${conversationId}/artifacts/uploads`)
        .set(user.auth)
        .send(body);

    it('large files: a presigned PUT for the declared hash and size, then complete registers it', async () => {
      const body = randomBytes(200 * 1024);
      const sha = sha256(body);
      const started = await startUpload(alice, {
        sha256: sha,
        size: body.length,
        filename: 'big.bin',
        run_id: 'r-large',
      }).expect(201);
      expect(started.body).toMatchObject({ method: 'PUT', already_stored: false });
      if (store.driver === 'filesystem') {
        expect(started.body.url).toMatch(
          /^https:\/\/api\.parley\.example\/v1\/artifact-uploads\/[0-9a-f-]{36}\/content\?exp=\d+&sig=/,
        );
      } else {
        const u = new URL(started.body.url);
        expect(u.searchParams.get('X-Amz-SignedHeaders')).toEqual(
          expect.stringContaining('content-length'),
        );
        expect(u.searchParams.get('X-Amz-SignedHeaders')).toEqual(
          expect.stringContaining('x-amz-checksum-sha256'),
        );
        expect(started.body.headers['x-amz-checksum-sha256']).toBe(
          Buffer.from(sha, 'hex').toString('base64'),
        );
      }
      expect(await putContent(started.body, body)).toBeLessThan(300);
      const done = await http()
        .post(`/v1/artifact-uploads/${started.body.id}/complete`)
        .set(alice.auth)
        .expect(201);
      expect(done.body).toMatchObject({
        sha256: sha,
        size: body.length,
        filename: 'big.bin',
        run_id: 'r-large',
        mime: 'application/octet-stream',
        deduplicated: false,
      });
      expect(await refs(sha)).toBe(1);
      await http()
        .post(`/v1/artifact-uploads/${started.body.id}/complete`)
        .set(alice.auth)
        .expect(404);
      const again = await startUpload(alice, { sha256: sha, size: body.length }).expect(201);
      expect(again.body.already_stored).toBe(true);
    });

    it('large files: other bytes than declared are never registered', async () => {
      const declared = randomBytes(4096);
      const sent = randomBytes(4096);
      const sha = sha256(declared);
      const started = await startUpload(alice, { sha256: sha, size: declared.length }).expect(201);
      const status = await putContent(started.body, sent);
      if (store.driver === 'filesystem') {
        // The API checks while it streams: nothing is kept.
        expect(status).toBe(422);
        expect(await objects(sha)).toBe(0);
        const res = await http()
          .post(`/v1/artifact-uploads/${started.body.id}/complete`)
          .set(alice.auth)
          .expect(422);
        expect(res.body.code).toBe('artifact-object-missing');
      } else {
        // S3 refuses the checksum itself; s3rver does not, so complete must.
        const res = await http()
          .post(`/v1/artifact-uploads/${started.body.id}/complete`)
          .set(alice.auth)
          .expect(422);
        expect(res.body.code).toBe('blob-content-mismatch');
        expect(await objects(sha)).toBe(0);
      }
      expect(await refs(sha)).toBe(0);
      expect(await blobRows(sha)).toBe(0);
    });

    it('large files: the declared size is held to the limit, and the upload link to its signature', async () => {
      const tooBig = await startUpload(alice, { sha256: 'a'.repeat(64), size: 300 * 1024 }).expect(
        413,
      );
      expect(tooBig.body.code).toBe('payload-too-large');
      if (store.driver !== 'filesystem') return;
      const body = unique('signed put');
      const started = await startUpload(alice, { sha256: sha256(body), size: body.length }).expect(
        201,
      );
      const url = new URL(started.body.url);
      const tampered = new URL(url);
      tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 60));
      expect(await putContent({ ...started.body, url: tampered.toString() }, body)).toBe(403);
      const old = new UploadLinkSigner(
        app.get(SecretsService).urlSigningKey,
        () => Date.now() - 3_600_000,
      ).link(started.body.id, 60);
      const expired = new URL(url);
      expired.search = new URLSearchParams(old).toString();
      expect(await putContent({ ...started.body, url: expired.toString() }, body)).toBe(410);
      expect(await objects(sha256(body))).toBe(0);
    });

    it('quotas: over the count answers 429, over the bytes 413, with problem bodies', async () => {
      const user = await startFullGuest(app);
      const conv = await createConversation(app, user);
      const seed = (await upload(user, unique('quota seed'), 'q.txt', {}, conv).expect(201)).body;
      await db().query(
        `INSERT INTO app.artifacts (id, conversation_id, user_id, sha256, filename, mime, size)
         SELECT gen_random_uuid(), $1, $2, $3, 'q.txt', 'text/plain', 1 FROM generate_series(1, 29)`,
        [conv, user.id, seed.sha256],
      );
      const many = await upload(user, unique('one more'), 'q.txt', {}, conv).expect(429);
      expect(many.headers['content-type']).toMatch(PROBLEM);
      expect(many.body.code).toBe('artifact-quota-count');

      const heavy = await startFullGuest(app);
      const hc = await createConversation(app, heavy);
      for (let i = 0; i < 4; i++)
        await upload(heavy, randomBytes(250 * 1024), 'h.bin', {}, hc).expect(201);
      const over = await upload(heavy, randomBytes(100 * 1024), 'h.bin', {}, hc).expect(413);
      expect(over.body.code).toBe('artifact-quota-bytes');
    });

    it("a minor's upload passes the consent gate: 403 once parental consent is gone", async () => {
      const parent = await startFullGuest(app);
      const teen = await linkChild(app, parent);
      const conv = await createConversation(app, teen);
      await upload(teen, unique('teen ok'), 't.txt', {}, conv).expect(201);
      await db().query(`DELETE FROM app.parental_consents WHERE teenager_id = $1`, [teen.id]);
      const body = unique('teen refused');
      const res = await upload(teen, body, 't.txt', {}, conv).expect(403);
      expect(res.body).toMatchObject({ code: 'consent-required', missing: ['parental_consent'] });
      expect(await blobRows(sha256(body))).toBe(0);
    });

    it('erasing a conversation or a user drops their references, counted in the receipt', async () => {
      const user = await startFullGuest(app);
      const conv = await createConversation(app, user);
      const body = unique('erase');
      await upload(user, body, 'e.txt', {}, conv).expect(201);
      await upload(user, body, 'e2.txt', {}, conv).expect(201);
      const receipt = await http().delete(`/v1/conversations/${conv}`).set(user.auth).expect(200);
      expect(receipt.body.removed).toMatchObject({ 'app.artifacts': 2, 'app.conversations': 1 });
      expect(await refs(sha256(body))).toBe(0);
      await app.get(ArtifactCollector).collectGarbage();
      expect(await objects(sha256(body))).toBe(0);

      const other = await createConversation(app, user);
      await upload(user, unique('erase user'), 'u.txt', {}, other).expect(201);
      const account = await app.get(AccountErasureService).erase(user.id);
      expect(account.removed).toMatchObject({ 'app.artifacts': 1, 'app.users': 1 });
    });
  });
}
