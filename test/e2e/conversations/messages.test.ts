import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MessageRole } from '../../../src/modules/conversations/entities/message.entity.js';
import { MessagesService } from '../../../src/modules/conversations/messages.service.js';
import { appendMessage, createConversation } from '../../factories/conversations.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

describe('messages: append, idempotency, batch, votes, clear', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  let bob: TestUser;
  const http = () => request(app.getHttpServer());
  const count = async (conversationId: string) => {
    const rows = (await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM app.messages WHERE conversation_id = $1`, [
        conversationId,
      ])) as { n: number }[];
    return rows[0]!.n;
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    [alice, bob] = await Promise.all([startFullGuest(app), startFullGuest(app)]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers 201 first, 200 with the stored message on replay, 409 on different content', async () => {
    const id = await createConversation(app, alice);
    const body = {
      message_id: 'm-1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Hello' }],
      citations: [{ source: 'book', page: 3 }],
      context: { chapter: 'ch-01' },
      metadata: { tokens: 12 },
    };
    const first = await http()
      .post(`/v1/conversations/${id}/messages`)
      .set(alice.auth)
      .send(body)
      .expect(201);
    expect(first.body).toMatchObject({
      conversation_id: id,
      message_id: 'm-1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Hello' }],
      context: { chapter: 'ch-01' },
      metadata: { tokens: 12 },
    });
    // Metadata (tokens, traces) may differ on a retry; the stored message is answered.
    const replay = await http()
      .post(`/v1/conversations/${id}/messages`)
      .set(alice.auth)
      .send({ ...body, metadata: { tokens: 99 } })
      .expect(200);
    expect(replay.body).toEqual(first.body);
    const conflict = await http()
      .post(`/v1/conversations/${id}/messages`)
      .set(alice.auth)
      .send({ ...body, parts: [{ type: 'text', text: 'Hello!' }] })
      .expect(409);
    expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(conflict.body.errors).toEqual([
      { field: 'message_id', message: 'already used with different content' },
    ]);
    expect(await count(id)).toBe(1);
  });

  it('R4: 50 parallel posts of one message_id create exactly one row', async () => {
    const id = await createConversation(app, alice);
    const body = { message_id: 'race', role: 'user', content: 'only once' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        http().post(`/v1/conversations/${id}/messages`).set(alice.auth).send(body),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(answers.map((a) => a.body.id as string)).size).toBe(1);
    expect(await count(id)).toBe(1);
  });

  it('bumps the activity time of the conversation on append', async () => {
    const older = await createConversation(app, alice, { title: 'older' });
    const newer = await createConversation(app, alice, { title: 'newer' });
    await appendMessage(app, alice, older, { message_id: 'bump', content: 'hi' });
    const list = await http().get('/v1/conversations?limit=100').set(alice.auth).expect(200);
    const ids = (list.body.data as { id: string }[]).map((c) => c.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
  });

  it('rejects invalid messages with 400 problem+json and writes nothing', async () => {
    const id = await createConversation(app, alice);
    const bad = [
      { message_id: 'x', role: 'robot', content: 'hi' },
      { message_id: 'x', role: 'user' },
      { message_id: '', role: 'user', content: 'hi' },
      { message_id: 'x', role: 'user', content: 'hi', surprise: true },
      { message_id: 'x', role: 'user', parts: [{ text: 'no type' }] },
      { message_id: 'x', role: 'user', content: 'hi', parent_id: 'not-a-uuid' },
      {
        message_id: 'x',
        role: 'user',
        content: 'hi',
        parent_id: '0190a000-0000-7000-8000-000000000001',
      },
      {
        message_id: 'x',
        role: 'user',
        content: 'hi',
        session_id: '0190a000-0000-7000-8000-000000000001',
      },
      { message_id: 'x', role: 'user', content: "'; DROP TABLE app.messages; --", metadata: [1] },
    ];
    for (const body of bad) {
      const res = await http().post(`/v1/conversations/${id}/messages`).set(alice.auth).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await count(id)).toBe(0);
  });

  it("answers 404 for another user's conversation, whatever the body", async () => {
    const id = await createConversation(app, alice);
    await http().post(`/v1/conversations/${id}/messages`).set(bob.auth).send({}).expect(404);
    await http()
      .post(`/v1/conversations/${id}/messages`)
      .set(bob.auth)
      .send({ message_id: 'b', role: 'user', content: 'mine now?' })
      .expect(404);
    await http().get(`/v1/conversations/${id}/messages`).set(bob.auth).expect(404);
    await http().get(`/v1/conversations/not-a-uuid/messages`).set(alice.auth).expect(404);
    expect(await count(id)).toBe(0);
  });

  it('batch: one transaction, replays allowed, a bad message rolls everything back and is named', async () => {
    const id = await createConversation(app, alice);
    const ok = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'b-1', role: 'user', content: 'question' },
          { message_id: 'b-2', role: 'assistant', content: 'answer', parent_message_id: 'b-1' },
        ],
      })
      .expect(201);
    expect(ok.body.created).toBe(2);
    expect(ok.body.data[1].parent_id).toBe(ok.body.data[0].id);

    const invalid = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'b-3', role: 'user', content: 'fine' },
          { message_id: 'b-4', role: 'user', content: 'fine' },
          { message_id: 'b-5', role: 'nobody', content: 'bad' },
        ],
      })
      .expect(400);
    expect(invalid.body.errors[0].field).toBe('messages.2.role');

    // Valid in shape, but the third one's parent does not exist: found while writing.
    const midway = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'b-3', role: 'user', content: 'fine' },
          { message_id: 'b-4', role: 'user', content: 'fine' },
          { message_id: 'b-5', role: 'user', content: 'x', parent_message_id: 'nope' },
        ],
      })
      .expect(400);
    expect(midway.body.errors).toEqual([
      { field: 'messages.2.parent_message_id', message: 'no such item in this conversation' },
    ]);

    const conflict = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'b-6', role: 'user', content: 'new' },
          { message_id: 'b-1', role: 'user', content: 'not the stored question' },
        ],
      })
      .expect(409);
    expect(conflict.body.errors[0].field).toBe('messages.1.message_id');
    expect(await count(id)).toBe(2);

    const replay = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({ messages: [{ message_id: 'b-1', role: 'user', content: 'question' }] })
      .expect(200);
    expect(replay.body).toMatchObject({ created: 0, data: [{ id: ok.body.data[0].id }] });
  });

  it('batch: references into another conversation reject the whole batch, nothing written', async () => {
    const id = await createConversation(app, alice);
    const other = await createConversation(app, alice);
    const foreignSession = await http()
      .post(`/v1/conversations/${other}/sessions`)
      .set(alice.auth)
      .expect(201);
    const foreignMessage = await appendMessage(app, alice, other, {
      message_id: 'f',
      content: 'elsewhere',
    });
    const session = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'k1', role: 'user', content: 'ok' },
          { message_id: 'k2', role: 'user', content: 'ok', session_id: foreignSession.body.id },
        ],
      })
      .expect(400);
    expect(session.body.errors).toEqual([
      { field: 'messages.1.session_id', message: 'no such item in this conversation' },
    ]);
    const parent = await http()
      .post(`/v1/conversations/${id}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'k1', role: 'user', content: 'ok' },
          { message_id: 'k2', role: 'assistant', content: 'ok', parent_message_id: 'k1' },
          { message_id: 'k3', role: 'user', content: 'ok', parent_id: foreignMessage.id },
        ],
      })
      .expect(400);
    expect(parent.body.errors).toEqual([
      { field: 'messages.2.parent_id', message: 'no such item in this conversation' },
    ]);
    expect(await count(id)).toBe(0);
  });

  it('batch: the service refuses another user’s conversation even past the route guard', async () => {
    const id = await createConversation(app, alice);
    const attempt = app.get(MessagesService).appendBatch(bob.id, id, {
      messages: [
        { message_id: 'x1', role: MessageRole.User, content: 'one' },
        { message_id: 'x2', role: MessageRole.User, content: 'two', parent_message_id: 'x1' },
      ],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
    expect(await count(id)).toBe(0);
  });

  it('batch: a batch that ends with replays still moves the activity time', async () => {
    const older = await createConversation(app, alice);
    await appendMessage(app, alice, older, { message_id: 'r1', content: 'first' });
    const newer = await createConversation(app, alice);
    await http()
      .post(`/v1/conversations/${older}/messages/batch`)
      .set(alice.auth)
      .send({
        messages: [
          { message_id: 'r2', role: 'user', content: 'new one' },
          { message_id: 'r1', role: 'user', content: 'first' },
        ],
      })
      .expect(201);
    const list = await http().get('/v1/conversations?limit=100').set(alice.auth).expect(200);
    const ids = (list.body.data as { id: string }[]).map((c) => c.id);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
  });

  it('votes once per user and message, by client message_id or id; clearing history keeps the conversation', async () => {
    const id = await createConversation(app, alice);
    const m = await appendMessage(app, alice, id, { message_id: 'v-1', content: 'rate me' });
    const up = await http()
      .put(`/v1/conversations/${id}/messages/v-1/vote`)
      .set(alice.auth)
      .send({ value: 'up' })
      .expect(200);
    expect(up.body).toMatchObject({ message_id: m.id, value: 'up' });
    await http()
      .put(`/v1/conversations/${id}/messages/${m.id}/vote`)
      .set(alice.auth)
      .send({ value: 'down' })
      .expect(200);
    const votes = (await app
      .get(DataSource)
      .query(`SELECT value FROM app.message_votes WHERE message_id = $1`, [m.id])) as {
      value: string;
    }[];
    expect(votes).toEqual([{ value: 'down' }]);
    await http()
      .put(`/v1/conversations/${id}/messages/none/vote`)
      .set(alice.auth)
      .send({ value: 'up' })
      .expect(404);
    await http()
      .put(`/v1/conversations/${id}/messages/v-1/vote`)
      .set(alice.auth)
      .send({ value: 'sideways' })
      .expect(400);
    await http().delete(`/v1/conversations/${id}/messages/v-1/vote`).set(alice.auth).expect(204);
    // Withdrawing again is idempotent; a message that is not in the conversation is a 404.
    await http().delete(`/v1/conversations/${id}/messages/v-1/vote`).set(alice.auth).expect(204);
    await http().delete(`/v1/conversations/${id}/messages/none/vote`).set(alice.auth).expect(404);
    const elsewhere = await createConversation(app, alice);
    const foreign = await appendMessage(app, alice, elsewhere, {
      message_id: 'f-1',
      content: 'elsewhere',
    });
    await http()
      .delete(`/v1/conversations/${id}/messages/${foreign.id as string}/vote`)
      .set(alice.auth)
      .expect(404);

    await http()
      .put(`/v1/conversations/${id}/messages/v-1/vote`)
      .set(alice.auth)
      .send({ value: 'up' })
      .expect(200);
    const cleared = await http()
      .delete(`/v1/conversations/${id}/messages`)
      .set(alice.auth)
      .expect(200);
    expect(cleared.body).toEqual({
      conversation_id: id,
      removed: { 'app.messages': 1, 'app.message_votes': 1 },
    });
    expect(await count(id)).toBe(0);
    await http().get(`/v1/conversations/${id}`).set(alice.auth).expect(200);
  });

  it("clearing, erasing or unvoting in one conversation leaves every other conversation's votes", async () => {
    const [cleared, erased, keptOfAlice] = [
      await createConversation(app, alice),
      await createConversation(app, alice),
      await createConversation(app, alice),
    ];
    const keptOfBob = await createConversation(app, bob);
    const owners = new Map([
      [cleared, alice],
      [erased, alice],
      [keptOfAlice, alice],
      [keptOfBob, bob],
    ]);
    // The same client message_id everywhere, so that only the conversation tells them apart.
    const vote = async (id: string, value = 'up') => {
      const owner = owners.get(id)!;
      await http()
        .put(`/v1/conversations/${id}/messages/same/vote`)
        .set(owner.auth)
        .send({ value })
        .expect(200);
    };
    for (const [id, owner] of owners) {
      await appendMessage(app, owner, id, { message_id: 'same', content: 'rate me' });
      await vote(id);
    }
    const votesIn = async () => {
      const rows = (await app.get(DataSource).query(
        `SELECT m.conversation_id AS id, v.user_id AS "userId", v.value
           FROM app.message_votes v JOIN app.messages m ON m.id = v.message_id
          WHERE m.conversation_id = ANY($1::uuid[])`,
        [[...owners.keys()]],
      )) as { id: string; userId: string; value: string }[];
      return Object.fromEntries(rows.map((r) => [r.id, `${r.userId}:${r.value}`]));
    };
    const kept = {
      [keptOfAlice]: `${alice.id}:up`,
      [keptOfBob]: `${bob.id}:up`,
    };
    expect(await votesIn()).toEqual({
      ...kept,
      [cleared]: `${alice.id}:up`,
      [erased]: `${alice.id}:up`,
    });

    await http()
      .delete(`/v1/conversations/${cleared}/messages/same/vote`)
      .set(alice.auth)
      .expect(204);
    expect(await votesIn()).toEqual({ ...kept, [erased]: `${alice.id}:up` });

    await vote(cleared, 'down');
    const clear = await http()
      .delete(`/v1/conversations/${cleared}/messages`)
      .set(alice.auth)
      .expect(200);
    expect(clear.body.removed).toEqual({ 'app.messages': 1, 'app.message_votes': 1 });
    expect(await votesIn()).toEqual({ ...kept, [erased]: `${alice.id}:up` });

    const erase = await http().delete(`/v1/conversations/${erased}`).set(alice.auth).expect(200);
    expect(erase.body.removed).toMatchObject({ 'app.messages': 1, 'app.message_votes': 1 });
    expect(await votesIn()).toEqual(kept);
  });
});
