import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';

/**
 * Ownership is cached on every instance. Erasing a conversation on one instance
 * must end every other instance's grant to it (and to its streams), not only
 * its own.
 */
describe('cached access across two instances', () => {
  let a: NestExpressApplication;
  let b: NestExpressApplication;
  let alice: TestUser;

  beforeAll(async () => {
    // One deployment: the same database, the same Redis, the same signing keys.
    const env = { REDIS_KEY_PREFIX: testRedisPrefix('access'), DATA_DIR: tempDir() };
    a = await startTestApp(testConfig('server', env));
    b = await startTestApp(testConfig('server', env));
    alice = await registerFullUser(a);
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
