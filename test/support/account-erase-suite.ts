import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CHUNK_STORE, type ChunkStore } from '../../src/modules/streams/chunk-store.js';
import { Role } from '../../src/modules/users/entities/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { UserErasers } from '../../src/platform/erasure/user-eraser.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { BLOB_STORE, type BlobStore } from '../../src/platform/storage/blob-store.port.js';
import { createCollective } from '../factories/collectives.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { registerFullUser, startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { userLinkedColumns } from './user-linked-catalogue.js';
import { waitUntil } from './wait.js';

const SUMMARY_JOB = 'memory-lake.persist-summary';

export interface Seeded {
  conversationId: string;
  streamId: string;
  sha: string;
  summaryJob: string;
}

/** What a user leaves in every store: rows, a summary on its way, stream chunks, a blob. */
export async function seedEverything(
  app: NestExpressApplication,
  config: AppConfig,
  user: TestUser,
): Promise<Seeded> {
  const http = () => request(app.getHttpServer());
  const conversationId = await createConversation(app, user);
  const message = await appendMessage(app, user, conversationId, {
    message_id: 'm-1',
    content: 'something personal',
  });
  await http()
    .put(`/v1/conversations/${conversationId}/messages/${message.id}/vote`)
    .set(user.auth)
    .send({ value: 'up' })
    .expect(200);
  await http().post('/v1/feedback').set(user.auth).send({ rating: 5 }).expect(201);
  await http().put('/v1/memory/items/prefs/colour').set(user.auth).send({ value: 'teal' });
  await http().put('/v1/me/api-keys/openai').set(user.auth).send({ api_key: 'sk-test-123456' });
  const body = Buffer.from(`only mine ${randomBytes(8).toString('hex')}\n`);
  const upload = await http()
    .post(`/v1/conversations/${conversationId}/artifacts`)
    .set(user.auth)
    .attach('file', body, 'mine.txt')
    .expect(201);
  const stream = await http()
    .post(`/v1/conversations/${conversationId}/streams`)
    .set(user.auth)
    .expect(201);
  await http().post(`/v1/streams/${stream.body.id}/chunks`).set(user.auth).send({ data: 'hi' });
  const summary = await http()
    .post('/v1/memory/summaries')
    .set(user.auth)
    .send({ conversation_id: conversationId, summary: 'They talked about something personal.' })
    .expect(202);
  const jobId = summary.body.job_id as string;
  // Where processors run in this process, erase once the job is done (a running job stays).
  const settled = config.queue.runProcessorsInApi ? ['completed'] : ['waiting', 'delayed'];
  await waitUntil(
    async () => settled.includes((await app.get(QueueService).getJob(SUMMARY_JOB, jobId))!.status),
    { what: 'summary job settled' },
  );
  await createCollective(app, user, { type: 'organization', name: 'Only me' });
  return {
    conversationId,
    streamId: stream.body.id as string,
    sha: upload.body.sha256 as string,
    summaryJob: jobId,
  };
}

/** `DELETE /v1/me`: the receipt, the verification, the stores, the audit log and tokens. */
export function describeAccountErase(label: string, makeConfig: () => Promise<AppConfig>): void {
  describe(`DELETE /v1/me (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    const http = () => request(app.getHttpServer());
    const db = () => app.get(DataSource);
    const naming = async (userId: string) => {
      const left: Record<string, number> = {};
      for (const key of await userLinkedColumns(db())) {
        const [schema, table, column] = key.split('.');
        const [row] = (await db().query(
          `SELECT count(*)::int AS n FROM ${schema}.${table} WHERE ${column}::text = $1`,
          [userId],
        )) as { n: number }[];
        if (row!.n > 0) left[key] = row!.n;
      }
      return left;
    };

    beforeAll(async () => {
      config = await makeConfig();
      app = await startTestApp(config);
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
    });

    it('has an eraser for every user-linked column of the catalogue, and for none it lacks', async () => {
      const registered = app
        .get(UserErasers)
        .columns()
        .map((c) => `${c.table}.${c.column}`)
        .sort();
      expect(registered).toEqual([...(await userLinkedColumns(db())), 'app.users.id'].sort());
    });

    it('erases every store, says what went, and finds nothing left when it looks again', async () => {
      const user = await registerFullUser(app);
      const bystander = await startFullGuest(app);
      const theirs = await createConversation(app, bystander);
      await app.get(UsersService).grantRole(user.id, Role.Admin);
      const seeded = await seedEverything(app, config, user);
      await http().get('/v1/me').set(user.auth).expect(200);

      const res = await http().delete('/v1/me').set(user.auth).send({}).expect(200);
      const receipt = res.body;
      expect(receipt).toMatchObject({
        user_id: user.id,
        subject: expect.any(String),
        verification: { passed: true, remaining: {}, failed: [] },
        blobs: 1,
        queued_jobs: 1,
      });
      // The prefs item, and the summary where the job already stored it.
      expect(receipt.memory_items).toBeGreaterThanOrEqual(1);
      expect(receipt.subject).not.toBe(user.id);
      expect(receipt.verification.checked).toBeGreaterThan(20);
      expect(receipt.redis_keys).toBeGreaterThanOrEqual(1);
      expect(receipt.removed).toMatchObject({
        'app.users': 1,
        'app.conversations': 1,
        'app.messages': 1,
        'app.message_votes': 1,
        'app.feedback': 1,
        'app.artifacts': 1,
        'app.streams': 1,
        'app.user_api_keys': 1,
        'app.collective_memberships': 1,
        'app.collectives': 1,
        'app.user_consents': 1,
      });
      expect(receipt.pseudonymised).toEqual({ 'app.audit_log': 1 });

      // Looked at independently: nothing names the user, in any store.
      expect(await naming(user.id)).toEqual({});
      const store = app.get<BlobStore>(BLOB_STORE);
      const key = `artifacts/${seeded.sha.slice(0, 2)}/${seeded.sha.slice(2, 4)}/${seeded.sha}`;
      expect(await store.exists(key)).toBe(false);
      expect(await app.get<ChunkStore>(CHUNK_STORE).exists(seeded.streamId)).toBe(false);
      expect(await app.get(QueueService).countWhere(SUMMARY_JOB, 'userId', user.id)).toBe(0);
      const audit = (await db().query(
        `SELECT action, actor_id, target_id FROM app.audit_log
          WHERE actor_id = $1 OR target_id = $1::text ORDER BY id`,
        [receipt.subject],
      )) as { action: string; actor_id: string | null; target_id: string }[];
      expect(audit.map((a) => a.action)).toEqual([
        'role.grant',
        'user.erase',
        'user.erase.verified',
      ]);
      const [erasure] = (await db().query(
        `SELECT after FROM app.audit_log WHERE action = 'user.erase' AND actor_id = $1`,
        [receipt.subject],
      )) as { after: { removed: Record<string, number> } }[];
      expect(erasure!.after.removed['app.users']).toBe(1);

      // Its token is dead; the bystander's data and session are untouched.
      await http().get('/v1/me').set(user.auth).expect(401);
      await http()
        .post('/v1/auth/refresh')
        .send({ refresh_token: user.tokens.refresh_token })
        .expect(401);
      await http()
        .post('/v1/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(401);
      await http().get(`/v1/conversations/${theirs}`).set(bystander.auth).expect(200);
    });

    it('asks for the password, or a recent sign-in, and erases nothing until then', async () => {
      const user = await registerFullUser(app);
      await db().query(
        `UPDATE app.app_sessions SET created_at = now() - interval '1 day' WHERE id = $1`,
        [user.tokens.session.id],
      );
      const stale = await http().delete('/v1/me').set(user.auth).send({}).expect(403);
      expect(stale.headers['content-type']).toMatch(/problem\+json/);
      expect(stale.body.code).toBe('reauthentication-required');
      const wrong = await http().delete('/v1/me').set(user.auth).send({ password: 'nope' });
      expect(wrong.status).toBe(403);
      await http().delete('/v1/me').set(user.auth).send({ surprise: 1 }).expect(400);
      await http().delete('/v1/me').set(user.auth).send({ password: null }).expect(400);
      await http().get('/v1/me').set(user.auth).expect(200);
      const ok = await http().delete('/v1/me').set(user.auth).send({ password: user.password });
      expect(ok.status).toBe(200);
      expect(ok.body.verification.passed).toBe(true);
    });

    it('erases a conversation with its summary, its stream chunks and its queued summaries', async () => {
      const user = await startFullGuest(app);
      const seeded = await seedEverything(app, config, user);
      const id = seeded.conversationId;
      await http().put(`/v1/memory/items/summaries/${id}`).set(user.auth).send({ value: 'kept?' });
      const res = await http().delete(`/v1/conversations/${id}`).set(user.auth).expect(200);
      expect(res.body).toMatchObject({ memory_items: 1, blobs: 1, queued_jobs: 1 });
      expect(res.body.redis_keys).toBeGreaterThanOrEqual(1);
      expect(res.body.removed).toMatchObject({ 'memory.items': 1, 'app.streams': 1 });
      await http().get(`/v1/memory/items/summaries/${id}`).set(user.auth).expect(404);
      expect(await app.get<ChunkStore>(CHUNK_STORE).held([seeded.streamId])).toBe(0);
      expect(await app.get(QueueService).countWhere(SUMMARY_JOB, 'conversationId', id)).toBe(0);
      // What is not the conversation's stays.
      await http().get('/v1/memory/items/prefs/colour').set(user.auth).expect(200);
    });
  });
}
