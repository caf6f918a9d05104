import type { NestExpressApplication } from '@nestjs/platform-express';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DataExportsService } from '../../src/modules/lifecycle/export/data-exports.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { createArtifact } from '../factories/artifacts.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { registerFullUser, startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { drainQueues } from './queues.js';
import { readZip } from './zip.js';

type ExportDoc = Record<string, unknown> & {
  profile: Record<string, unknown> | null;
  conversations: { id: string; title: string }[];
  messages: { conversation_id: string; content: string }[];
  artifacts: { id: string; filename: string; download_url?: string; archive_path?: string }[];
  memory_items: { key: string }[];
  sessions: Record<string, unknown>[];
};

/** A supertest parser that keeps the body as raw bytes. */
function binary(res: unknown, done: (err: Error | null, body: unknown) => void) {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The path and query of a link the filesystem store minted, for supertest. */
const local = (url: string) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

/** The export of a user: its JSON document, then its archive, then nothing once erased. */
export function describeDataExport(label: string, config: () => AppConfig): void {
  describe(`data export (${label})`, () => {
    let app: NestExpressApplication;
    let alice: TestUser;
    let bob: TestUser;
    let conversationId: string;
    let artifactId: string;
    const http = () => request(app.getHttpServer());

    beforeAll(async () => {
      app = await startTestApp(config());
      [alice, bob] = [await registerFullUser(app), await startFullGuest(app)];
      conversationId = await createConversation(app, alice, { title: 'Exported talk' });
      await appendMessage(app, alice, conversationId, {
        message_id: 'm1',
        content: 'hello export',
      });
      await appendMessage(app, alice, conversationId, {
        message_id: 'm2',
        role: 'assistant',
        content: 'hi back',
      });
      artifactId = await createArtifact(app, alice);
      await http()
        .put('/v1/memory/items/notes/favourite')
        .set(alice.auth)
        .send({ value: 'tea' })
        .expect(201);
      await createConversation(app, bob, { title: 'Bob only' });
    }, 180_000);

    afterAll(async () => {
      await app?.close();
    });

    it('GET /v1/me/export: every section, the caller’s data only, files as links, no secrets', async () => {
      const res = await http().get('/v1/me/export').set(alice.auth).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      const doc = res.body as ExportDoc;
      expect(doc).toMatchObject({ format: 'parley-export/1', user_id: alice.id });
      expect(doc.profile).toMatchObject({ id: alice.id, name: expect.any(String) });
      for (const section of [
        'consent',
        'sessions',
        'collective_memberships',
        'conversations',
        'chat_sessions',
        'messages',
        'message_votes',
        'feedback',
        'memory_items',
        'artifacts',
        'streams',
        'conversation_analytics',
        'data_exports',
      ]) {
        expect(doc).toHaveProperty(section);
      }
      expect(doc.conversations.map((c) => c.title).sort()).toEqual(
        ['A test conversation', 'Exported talk'].sort(),
      );
      expect(doc.messages.map((m) => m.content).sort()).toEqual(['hello export', 'hi back']);
      expect(doc.memory_items.map((m) => m.key)).toEqual(['favourite']);
      expect(doc.sessions.length).toBeGreaterThanOrEqual(1);
      expect(doc.artifacts).toEqual([
        expect.objectContaining({
          id: artifactId,
          filename: 'notes.txt',
          download_url: expect.any(String),
        }),
      ]);
      const text = JSON.stringify(doc);
      for (const secret of ['password_hash', 'token_hash', 'ciphertext', 'Bob only']) {
        expect(text).not.toContain(secret);
      }
      // The link serves the file's bytes.
      const file = await http()
        .get(local(doc.artifacts[0]!.download_url!))
        .buffer(true)
        .parse(binary);
      expect(file.status).toBe(200);
      expect((file.body as Buffer).toString()).toMatch(/^notes /);
      const audited = (await app
        .get(DataSource)
        .query(`SELECT action FROM app.audit_log WHERE target_id = $1 AND action = 'user.export'`, [
          alice.id,
        ])) as unknown[];
      expect(audited.length).toBeGreaterThanOrEqual(1);
    });

    it('POST /v1/me/exports builds a zip in a job; its status shows progress; download is a 307', async () => {
      const created = await http().post('/v1/me/exports').set(alice.auth).expect(202);
      expect(created.body).toMatchObject({ status: 'queued', progress: 0 });
      const id = created.body.id as string;
      // Asked again while it is on its way: the same export.
      expect((await http().post('/v1/me/exports').set(alice.auth).expect(202)).body.id).toBe(id);
      await drainQueues(app, { timeoutMs: 60_000 });
      const status = await http().get(`/v1/me/exports/${id}`).set(alice.auth).expect(200);
      expect(status.body).toMatchObject({
        id,
        status: 'completed',
        progress: 100,
        size: expect.any(Number),
        expires_at: expect.any(String),
      });
      expect(status.body.sections_done).toBe(status.body.sections_total);
      const redirect = await http()
        .get(`/v1/me/exports/${id}/download`)
        .set(alice.auth)
        .expect(307);
      expect(redirect.headers['cache-control']).toBe('no-store');
      const zip = await http().get(local(redirect.headers.location!)).buffer(true).parse(binary);
      expect(zip.status).toBe(200);
      const entries = readZip(zip.body as Buffer);
      const doc = JSON.parse(entries.get('export.json')!.toString()) as ExportDoc;
      expect(doc.user_id).toBe(alice.id);
      const path = doc.artifacts[0]!.archive_path!;
      expect(path).toBe(`files/${artifactId}/notes.txt`);
      expect(entries.get(path)!.toString()).toMatch(/^notes /);
      // Another user: no such export, not even its download.
      await http().get(`/v1/me/exports/${id}`).set(bob.auth).expect(404);
      await http().get(`/v1/me/exports/${id}/download`).set(bob.auth).expect(404);
    });

    it('answers 409 for the download of an export not built yet', async () => {
      const carol = await startFullGuest(app);
      const { body } = await http().post('/v1/me/exports').set(carol.auth).expect(202);
      const res = await http().get(`/v1/me/exports/${body.id}/download`).set(carol.auth);
      // The job may already have run in a process that runs processors.
      if (res.status !== 307)
        expect(res.body).toMatchObject({ status: 409, code: 'export-not-ready' });
    });

    it('export after erasure finds nothing', async () => {
      const dave = await registerFullUser(app);
      const c = await createConversation(app, dave);
      await appendMessage(app, dave, c, { message_id: 'gone', content: 'to be erased' });
      await createArtifact(app, dave);
      await http().delete('/v1/me').set(dave.auth).send({}).expect(200);
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          chunks.push(Buffer.from(chunk));
          done();
        },
      });
      await app.get(DataExportsService).streamDocument(dave.id, sink);
      const doc = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
      expect(doc.profile).toBeNull();
      const sections = Object.entries(doc).filter(
        ([key]) => !['format', 'exported_at', 'user_id', 'profile'].includes(key),
      );
      expect(sections.length).toBeGreaterThan(5);
      for (const [name, value] of sections) {
        const empty = Array.isArray(value)
          ? value
          : Object.values(value as Record<string, unknown[]>).flat();
        expect({ name, empty }).toEqual({ name, empty: [] });
      }
    });
  });
}
