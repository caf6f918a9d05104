import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { appendMessage, createConversation } from '../../factories/conversations.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

describe('conversations: CRUD, lists, config, sessions, search, sharing, feedback', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  let bob: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    [alice, bob] = await Promise.all([startFullGuest(app), startFullGuest(app)]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates, reads, patches and lists mine with filters, newest activity first', async () => {
    const created = await http()
      .post('/v1/conversations')
      .set(alice.auth)
      .send({
        title: 'Bullying at school',
        type: 'incident',
        persona: 'betty',
        metadata: { tag: 1 },
      })
      .expect(201);
    expect(created.body).toMatchObject({
      title: 'Bullying at school',
      type: 'incident',
      visibility: 'private',
      persona: 'betty',
      metadata: { tag: 1 },
      archived_at: null,
    });
    const id = created.body.id as string;
    const patched = await http()
      .patch(`/v1/conversations/${id}`)
      .set(alice.auth)
      .send({ summary: 'A rolling summary', usage_context: { tokens: 10 }, archived: true })
      .expect(200);
    expect(patched.body).toMatchObject({
      summary: 'A rolling summary',
      usage_context: { tokens: 10 },
    });
    expect(patched.body.archived_at).not.toBeNull();
    await http()
      .patch(`/v1/conversations/${id}`)
      .set(alice.auth)
      .send({ type: 'drama' })
      .expect(400);
    await http().patch(`/v1/conversations/${id}`).set(bob.auth).send({ title: 'mine' }).expect(404);
    await http().get(`/v1/conversations/${id}`).set(bob.auth).expect(404);

    const general = await createConversation(app, alice, { title: 'Homework 100% done_' });
    const list = async (q: string) =>
      (await http().get(`/v1/conversations?${q}`).set(alice.auth).expect(200)).body.data.map(
        (c: { id: string }) => c.id,
      ) as string[];
    expect(await list('archived=true')).toEqual([id]);
    expect(await list('type=incident')).toEqual([]);
    expect(await list('q=100%25%20done_')).toEqual([general]);
    expect(await list('q=100_')).toEqual([]);
    expect(await list('')).not.toContain(id);
    expect((await http().get('/v1/conversations').set(bob.auth).expect(200)).body.data).toEqual([]);
    await http().get('/v1/conversations?archived=maybe').set(alice.auth).expect(400);
  });

  it('pages the list by activity without skipping or repeating', async () => {
    const user = await startFullGuest(app);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await createConversation(app, user, { title: `c${i}` }));
    await appendMessage(app, user, ids[2]!, { message_id: 'wake', content: 'up' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http()
        .get(`/v1/conversations?limit=3${cursor ? `&after=${cursor}` : ''}`)
        .set(user.auth)
        .expect(200);
      seen.push(...res.body.data.map((c: { id: string }) => c.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([ids[2], ...ids.filter((_, i) => i !== 2).reverse()]);
  });

  it('keeps a per-thread config and chat sessions', async () => {
    const id = await createConversation(app, alice);
    const empty = await http().get(`/v1/conversations/${id}/config`).set(alice.auth).expect(200);
    expect(empty.body).toMatchObject({ model: null, settings: {}, updated_at: null });
    const put = await http()
      .put(`/v1/conversations/${id}/config`)
      .set(alice.auth)
      .send({
        model: 'gpt-4o',
        temperature: 0.3,
        system_prompt: 'Be kind',
        context_window: 8000,
        settings: { top_p: 1 },
      })
      .expect(200);
    expect(put.body).toMatchObject({ model: 'gpt-4o', temperature: 0.3, context_window: 8000 });
    await http()
      .put(`/v1/conversations/${id}/config`)
      .set(alice.auth)
      .send({ temperature: 3 })
      .expect(400);
    await http().get(`/v1/conversations/${id}/config`).set(bob.auth).expect(404);

    const s1 = await http().post(`/v1/conversations/${id}/sessions`).set(alice.auth).expect(201);
    const s2 = await http().post(`/v1/conversations/${id}/sessions`).set(alice.auth).expect(201);
    const sessions = await http()
      .get(`/v1/conversations/${id}/sessions?limit=1`)
      .set(alice.auth)
      .expect(200);
    expect(sessions.body.data.map((s: { id: string }) => s.id)).toEqual([s1.body.id]);
    const rest = await http()
      .get(`/v1/conversations/${id}/sessions?after=${sessions.body.next_cursor}`)
      .set(alice.auth)
      .expect(200);
    expect(rest.body).toEqual({ data: [s2.body], next_cursor: null });
  });

  it("searches only the caller's own messages, text parts included, ranked and paged", async () => {
    const mine = await createConversation(app, alice);
    const theirs = await createConversation(app, bob);
    await appendMessage(app, alice, mine, { message_id: 's1', content: 'the dragon sleeps' });
    await appendMessage(app, alice, mine, {
      message_id: 's2',
      role: 'assistant',
      parts: [
        { type: 'text', text: 'dragon dragon everywhere' },
        { type: 'image', url: 'https://example.test/zeppelin.png' },
      ],
    });
    await appendMessage(app, alice, mine, { message_id: 's3', content: 'nothing to see' });
    await appendMessage(app, bob, theirs, { message_id: 'b1', content: 'my secret dragon' });

    const hits = await http().get('/v1/search/messages?q=dragon').set(alice.auth).expect(200);
    expect(hits.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['s2', 's1']);
    expect(hits.body.data[0].rank).toBeGreaterThan(hits.body.data[1].rank);
    const first = await http()
      .get('/v1/search/messages?q=dragon&limit=1')
      .set(alice.auth)
      .expect(200);
    const second = await http()
      .get(`/v1/search/messages?q=dragon&limit=1&after=${first.body.next_cursor}`)
      .set(alice.auth)
      .expect(200);
    expect([first.body.data[0].message_id, second.body.data[0].message_id]).toEqual(['s2', 's1']);
    expect(second.body.next_cursor).toBeNull();

    // Only text parts are searched, and bob never sees alice's words (nor she his).
    expect(
      (await http().get('/v1/search/messages?q=zeppelin').set(alice.auth).expect(200)).body.data,
    ).toEqual([]);
    const bobs = await http().get('/v1/search/messages?q=dragon').set(bob.auth).expect(200);
    expect(bobs.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['b1']);
    await http().get('/v1/search/messages').set(alice.auth).expect(400);
    await http()
      .get(`/v1/search/messages?q=${encodeURIComponent("'); DROP TABLE x; --")}`)
      .set(alice.auth)
      .expect(200);
  });

  it('shares public conversations without auth; private ones are 404', async () => {
    const id = await createConversation(app, alice, { title: 'Shared', summary: 'secret summary' });
    await appendMessage(app, alice, id, {
      message_id: 'p1',
      content: 'hello world',
      metadata: { cost: 1 },
    });
    await http().get(`/v1/shared/conversations/${id}`).expect(404);
    await http()
      .patch(`/v1/conversations/${id}`)
      .set(alice.auth)
      .send({ visibility: 'public' })
      .expect(200);
    const shared = await http().get(`/v1/shared/conversations/${id}`).expect(200);
    expect(shared.body).toMatchObject({ id, title: 'Shared', messages: { next_cursor: null } });
    expect(shared.body.summary).toBeUndefined();
    expect(shared.body.messages.data).toHaveLength(1);
    expect(shared.body.messages.data[0]).toMatchObject({
      message_id: 'p1',
      content: 'hello world',
    });
    expect(shared.body.messages.data[0].metadata).toBeUndefined();
    await http().get('/v1/shared/conversations/not-a-uuid').expect(404);
    await http()
      .patch(`/v1/conversations/${id}`)
      .set(alice.auth)
      .send({ visibility: 'private' })
      .expect(200);
    await http().get(`/v1/shared/conversations/${id}`).expect(404);
  });

  it('stores feedback on the app or a session, and refuses empty feedback', async () => {
    const res = await http()
      .post('/v1/feedback')
      .set(alice.auth)
      .send({
        rating: 4,
        comment: 'helpful',
        is_positive: true,
        session_id: '0190a000-0000-7000-8000-0000000000aa',
      })
      .expect(201);
    expect(res.body).toMatchObject({ rating: 4, is_positive: true });
    await http().post('/v1/feedback').set(alice.auth).send({}).expect(400);
    await http().post('/v1/feedback').set(alice.auth).send({ rating: 9 }).expect(400);
    await http().post('/v1/feedback').send({ rating: 3 }).expect(401);
  });
});
