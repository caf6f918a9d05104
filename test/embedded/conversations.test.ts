import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir } from '../support/app.js';

/** The main conversation flows on the embedded default (PGlite behind its socket). */
describe('conversations in embedded mode', () => {
  const dataDir = tempDir('parley-embedded-conversations-');
  let app: NestExpressApplication;
  let alice: TestUser;
  let bob: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(
      loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    );
    [alice, bob] = [await startFullGuest(app), await startFullGuest(app)];
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('appends idempotently, even in parallel, and rolls back a failing batch', async () => {
    const id = await createConversation(app, alice);
    const body = { message_id: 'e1', role: 'user', content: 'hello from the embedded engine' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        http().post(`/v1/conversations/${id}/messages`).set(alice.auth).send(body),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    await http()
      .post(`/v1/conversations/${id}/messages`)
      .set(alice.auth)
      .send({ ...body, content: 'changed' })
      .expect(409);
    const failed = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'e2', role: 'assistant', content: 'ok', parent_message_id: 'e1' },
          {
            message_id: 'e3',
            role: 'user',
            content: 'x',
            parent_id: '0190a000-0000-7000-8000-000000000001',
          },
        ],
      })
      .expect(400);
    expect(failed.body.errors[0].field).toBe('messages.1.parent_id');
    const turn = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'e2', role: 'user', content: 'next', parent_message_id: 'e1' },
          { message_id: 'e3', role: 'assistant', content: 'answer', parent_message_id: 'e2' },
        ],
      })
      .expect(201);
    expect(turn.body.data[1].parent_id).toBe(turn.body.data[0].id);
    const fresh = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'e4', role: 'user', content: 'again' },
          { message_id: 'e5', role: 'assistant', content: 'sure', parent_message_id: 'e4' },
        ],
      })
      .expect(201);
    expect(fresh.body.created).toBe(2);
    const history = await http()
      .get(`/v1/conversations/${id}/messages`)
      .set(alice.auth)
      .expect(200);
    expect(history.body.data.map((m: { message_id: string }) => m.message_id)).toEqual([
      'e1',
      'e2',
      'e3',
      'e4',
      'e5',
    ]);
    await http().get(`/v1/conversations/${id}/messages`).set(bob.auth).expect(404);
  });

  it('pages history both ways, reads branches, searches and shares', async () => {
    const id = await createConversation(app, alice);
    const root = await appendMessage(app, alice, id, {
      message_id: 'r',
      content: 'root question about volcanoes',
    });
    const a = await appendMessage(app, alice, id, {
      message_id: 'a',
      role: 'assistant',
      content: 'answer',
      parent_id: root.id,
    });
    await appendMessage(app, alice, id, {
      message_id: 'b',
      content: 'old follow-up',
      parent_id: a.id,
    });
    const edit = await appendMessage(app, alice, id, {
      message_id: 'b2',
      content: 'edited follow-up',
      parent_id: a.id,
    });

    const newest = await http()
      .get(`/v1/conversations/${id}/messages?before=&limit=2`)
      .set(alice.auth)
      .expect(200);
    expect(newest.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['b', 'b2']);
    const older = await http()
      .get(`/v1/conversations/${id}/messages?before=${newest.body.next_cursor}&limit=2`)
      .set(alice.auth)
      .expect(200);
    expect(older.body).toMatchObject({ next_cursor: null });
    expect(older.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['r', 'a']);
    const branch = await http()
      .get(`/v1/conversations/${id}/messages?leaf=${edit.id}`)
      .set(alice.auth)
      .expect(200);
    expect(branch.body.data.map((m: { message_id: string }) => m.message_id)).toEqual([
      'r',
      'a',
      'b2',
    ]);

    const hits = await http().get('/v1/search/messages?q=volcanoes').set(alice.auth).expect(200);
    expect(hits.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['r']);
    expect(
      (await http().get('/v1/search/messages?q=volcanoes').set(bob.auth).expect(200)).body.data,
    ).toEqual([]);

    await http().get(`/v1/shared/conversations/${id}`).expect(404);
    await http()
      .patch(`/v1/conversations/${id}`)
      .set(alice.auth)
      .send({ visibility: 'public' })
      .expect(200);
    const shared = await http().get(`/v1/shared/conversations/${id}?limit=1`).expect(200);
    expect(shared.body.messages.data).toHaveLength(1);
  });

  it('erases a conversation with a receipt, with no agent checkpoint tables present', async () => {
    const id = await createConversation(app, alice);
    const session = await http()
      .post(`/v1/conversations/${id}/sessions`)
      .set(alice.auth)
      .expect(201);
    await appendMessage(app, alice, id, {
      message_id: 'x',
      content: 'forget me',
      session_id: session.body.id,
    });
    await http()
      .put(`/v1/conversations/${id}/config`)
      .set(alice.auth)
      .send({ model: 'm' })
      .expect(200);
    await http().delete(`/v1/conversations/${id}`).set(bob.auth).expect(404);
    const receipt = await http().delete(`/v1/conversations/${id}`).set(alice.auth).expect(200);
    expect(receipt.body).toMatchObject({
      removed: {
        'app.conversations': 1,
        'app.messages': 1,
        'app.chat_sessions': 1,
        'app.conversation_configs': 1,
      },
      checkpoints: 0,
    });
    await http().get(`/v1/conversations/${id}`).set(alice.auth).expect(404);
  });

  it('imports a 1000-message history in one call, pages one chapter and clears only it', async () => {
    const id = await createConversation(app, alice);
    const messages = Array.from({ length: 1000 }, (_, i) => ({
      message_id: `h-${i}`,
      role: i % 2 ? 'assistant' : 'user',
      content: `line ${i}`,
      context: { chapter: i % 10 === 3 ? 'ch-03' : 'ch-01' },
      ...(i > 0 ? { parent_message_id: `h-${i - 1}` } : {}),
    }));
    const imported = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({ messages })
      .expect(201);
    expect(imported.body.created).toBe(1000);
    const page = await http()
      .get(`/v1/conversations/${id}/messages?context.chapter=ch-03&limit=100`)
      .set(alice.auth)
      .expect(200);
    expect(page.body.data).toHaveLength(100);
    expect(
      page.body.data.every((m: { context: { chapter: string } }) => m.context.chapter === 'ch-03'),
    ).toBe(true);
    // Another user's filter reaches nothing of it.
    await http()
      .get(`/v1/conversations/${id}/messages?context.chapter=ch-03`)
      .set(bob.auth)
      .expect(404);
    const cleared = await http()
      .delete(`/v1/conversations/${id}/messages?context.chapter=ch-03`)
      .set(alice.auth)
      .expect(200);
    expect(cleared.body.removed['app.messages']).toBe(100);
    const rest = await http()
      .get(`/v1/conversations/${id}/messages?limit=100&before=`)
      .set(alice.auth)
      .expect(200);
    expect(rest.body.data.at(-1).message_id).toBe('h-999');
    // h-4's parent h-3 went: it hangs from h-2 now.
    const h4 = await http()
      .get(`/v1/conversations/${id}/messages?limit=5`)
      .set(alice.auth)
      .expect(200);
    const byId = new Map(
      h4.body.data.map((m: { id: string; message_id: string }) => [m.id, m.message_id]),
    );
    const four = h4.body.data.find((m: { message_id: string }) => m.message_id === 'h-4');
    expect(byId.get(four.parent_id)).toBe('h-2');
  });
});
