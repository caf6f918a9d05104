import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { createCompletedStream, createSummaryJob } from '../factories/streams.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';

/**
 * @Access on the routes that once declared ownership without enforcing it, and
 * ownership cached on every instance: erasing a conversation on one instance
 * must end every other instance's grant to it (and to its streams), not only
 * its own.
 */
describe('resource access, on one instance and across two', () => {
  let a: NestExpressApplication;
  let b: NestExpressApplication;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    // One deployment: the same database, the same Redis, the same signing keys.
    const env = { REDIS_KEY_PREFIX: testRedisPrefix('access'), DATA_DIR: tempDir() };
    a = await startTestApp(testConfig('server', env));
    b = await startTestApp(testConfig('server', env));
    [alice, bob] = await Promise.all([registerFullUser(a), registerFullUser(a)]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  /** Polls until the answer is `status`, or fails with the last one seen after two seconds. */
  async function eventually(status: number, call: () => request.Test): Promise<void> {
    const deadline = Date.now() + 2000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = (await call()).status;
      if (seen === status) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`expected ${status} within two seconds, still ${seen}`);
  }

  const summary = (conversationId: string) => () =>
    request(a.getHttpServer())
      .post('/v1/memory/summaries')
      .set(alice.auth)
      .send({ conversation_id: conversationId, summary: 'Talked about maths.' });

  const notFound = (res: request.Response, name: string) => {
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'not-found', detail: `${name} not found` });
  };

  it("opens no stream on another user's conversation, a stream id or a malformed id", async () => {
    const bobs = await createConversation(a, bob);
    const bobsStream = await createCompletedStream(a, bob);
    const open = (id: string) =>
      request(a.getHttpServer()).post(`/v1/conversations/${id}/streams`).set(alice.auth);
    notFound(await open(bobs), 'Conversation');
    notFound(await open(bobsStream), 'Conversation');
    notFound(await open('not-a-uuid'), 'Conversation');
    const rows = (await a
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM app.streams WHERE conversation_id = $1', [bobs])) as {
      n: number;
    }[];
    expect(rows[0]!.n).toBe(0);
  });

  it("shows no summary job of another user's, nor one named by a malformed id", async () => {
    const jobId = await createSummaryJob(a, bob);
    const job = (id: string, user: TestUser) =>
      request(a.getHttpServer()).get(`/v1/memory/summaries/jobs/${id}`).set(user.auth);
    notFound(await job(jobId, alice), 'Summary job');
    notFound(await job('bad%20id', alice), 'Summary job');
    expect((await job(jobId, bob)).status).toBe(200);
  });

  it('answers 404 on A for a conversation erased through B', async () => {
    const conversationId = await createConversation(b, alice);
    // A checks ownership once and keeps the answer: the summary hot path reads no table after.
    await summary(conversationId)().expect(202);
    await summary(conversationId)().expect(202);

    await request(b.getHttpServer())
      .delete(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .expect(200);

    await eventually(404, summary(conversationId));
    const res = await summary(conversationId)();
    expect(res.body).toMatchObject({ code: 'not-found', detail: 'Conversation not found' });
  });

  it('answers 404 on A for a stream whose conversation was erased through B', async () => {
    const conversationId = await createConversation(a, alice);
    const opened = await request(a.getHttpServer())
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(alice.auth)
      .expect(201);
    const chunk = () =>
      request(a.getHttpServer())
        .post(`/v1/streams/${opened.body.id}/chunks`)
        .set(alice.auth)
        .send({ data: 'more' });
    await chunk().expect(201);

    await request(b.getHttpServer())
      .delete(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .expect(200);

    await eventually(404, chunk);
    expect((await chunk()).body).toMatchObject({ code: 'not-found', detail: 'Stream not found' });
  });
});
