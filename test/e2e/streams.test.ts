import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConversation } from '../factories/conversations.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';
import { openSse, TRICKY_CHUNKS, type SseClient } from '../support/sse.js';

/** Two API instances on one Redis: what one writes, a reader of the other sees. */
describe('resumable streams across instances', () => {
  const prefix = testRedisPrefix('streams');
  let producer: NestExpressApplication;
  let reader: NestExpressApplication;
  let readerUrl: string;
  let alice: TestUser;
  let bob: TestUser;
  const open: SseClient[] = [];

  beforeAll(async () => {
    // One data directory: both instances sign and verify with the same generated keys.
    const env = { REDIS_KEY_PREFIX: prefix, DATA_DIR: tempDir() };
    producer = await startTestApp(testConfig('server', env));
    reader = await startTestApp(testConfig('server', env));
    await reader.listen(0, '127.0.0.1');
    readerUrl = await reader.getUrl();
    readerUrl = readerUrl.replace('[::1]', '127.0.0.1');
    [alice, bob] = await Promise.all([registerFullUser(producer), registerFullUser(producer)]);
  });

  afterAll(async () => {
    for (const c of open) c.close();
    await Promise.all([producer?.close(), reader?.close()]);
  });

  async function openStream(user: TestUser): Promise<string> {
    const conversationId = await createConversation(producer, user);
    const res = await request(producer.getHttpServer())
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(user.auth)
      .expect(201);
    expect(res.body).toMatchObject({
      conversation_id: conversationId,
      status: 'open',
      completed_at: null,
    });
    return res.body.id as string;
  }

  async function append(user: TestUser, id: string, data: string): Promise<number> {
    const res = await request(producer.getHttpServer())
      .post(`/v1/streams/${id}/chunks`)
      .set(user.auth)
      .send({ data })
      .expect(201);
    return res.body.seq as number;
  }

  async function read(id: string, headers: Record<string, string> = {}, query = '') {
    const client = await openSse(readerUrl, `/v1/streams/${id}/events${query}`, {
      ...alice.auth,
      ...headers,
    });
    open.push(client);
    return client;
  }

  const data = (c: SseClient) => c.events.filter((e) => e.event === 'message').map((e) => e.data);

  it('gives a late reader the backlog, then live chunks, then a final event', async () => {
    const id = await openStream(alice);
    expect(await append(alice, id, 'one')).toBe(1);
    expect(await append(alice, id, 'two\nlines')).toBe(2);

    const client = await read(id);
    expect(client.status).toBe(200);
    await client.waitFor(2);
    await append(alice, id, 'three');
    await client.waitFor(3);
    const done = await request(producer.getHttpServer())
      .post(`/v1/streams/${id}/complete`)
      .set(alice.auth)
      .expect(200);
    expect(done.body.status).toBe('completed');
    await client.ended;
    expect(client.events.map((e) => e.id)).toEqual(['1', '2', '3', '4']);
    expect(data(client)).toEqual(['one', 'two\nlines', 'three']);
    expect(client.events[3]).toMatchObject({ event: 'done' });

    // Completed: no more chunks, completing again changes nothing.
    await request(producer.getHttpServer())
      .post(`/v1/streams/${id}/chunks`)
      .set(alice.auth)
      .send({ data: 'late' })
      .expect(409);
    const again = await request(producer.getHttpServer())
      .post(`/v1/streams/${id}/complete`)
      .set(alice.auth)
      .expect(200);
    expect(again.body.completed_at).toBe(done.body.completed_at);
  });

  it('resumes after Last-Event-ID or ?after=, and after a reader leaves and returns', async () => {
    const id = await openStream(alice);
    for (const chunk of ['a', 'b', 'c']) await append(alice, id, chunk);

    const first = await read(id);
    await first.waitFor(3);
    first.close();
    await append(alice, id, 'd');
    await append(alice, id, 'e');

    const back = await read(id, { 'Last-Event-ID': '3' });
    await back.waitFor(2);
    expect(back.events.map((e) => e.id)).toEqual(['4', '5']);
    const byQuery = await read(id, {}, '?after=4');
    await byQuery.waitFor(1);
    expect(data(byQuery)).toEqual(['e']);

    await request(producer.getHttpServer())
      .post(`/v1/streams/${id}/complete`)
      .set(alice.auth)
      .expect(200);
    await Promise.all([back.ended, byQuery.ended]);
    expect(data(back)).toEqual(['d', 'e']);
    expect(back.events.at(-1)?.event).toBe('done');
  });

  it('gives every chunk back byte-exact, live and on resume, whatever its line breaks', async () => {
    const id = await openStream(alice);
    const [first, ...rest] = TRICKY_CHUNKS;
    await append(alice, id, first!);
    const live = await read(id);
    await live.waitFor(1);
    for (const chunk of rest) await append(alice, id, chunk);
    await live.waitFor(TRICKY_CHUNKS.length);
    const resumed = await read(id, { 'Last-Event-ID': '2' });
    const byQuery = await read(id, {}, '?after=0');
    await request(producer.getHttpServer())
      .post(`/v1/streams/${id}/complete`)
      .set(alice.auth)
      .expect(200);
    await Promise.all([resumed.ended, byQuery.ended]);
    expect(data(live)).toEqual(TRICKY_CHUNKS);
    // On the wire each is one JSON string on one data line: nothing a parser normalises.
    const raw = await request(reader.getHttpServer())
      .get(`/v1/streams/${id}/events?after=1`)
      .set(alice.auth)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(raw.body).toBe(
      TRICKY_CHUNKS.slice(1)
        .map((chunk, i) => `id: ${i + 2}\ndata: ${JSON.stringify(chunk)}\n\n`)
        .join('') +
        `id: ${TRICKY_CHUNKS.length + 1}\nevent: done\ndata: {"status":"completed"}\n\n`,
    );
    expect(data(byQuery)).toEqual(TRICKY_CHUNKS);
    expect(data(resumed)).toEqual(TRICKY_CHUNKS.slice(2));
    expect(byQuery.events.map((e) => e.id)).toEqual(
      Array.from({ length: TRICKY_CHUNKS.length + 1 }, (_, i) => String(i + 1)),
    );
  });

  it('sends readers of streams whose chunks arrive in parallel every chunk once, in order', async () => {
    const id = await openStream(alice);
    const client = await read(id);
    const seqs = await Promise.all(
      Array.from({ length: 30 }, (_, i) => append(alice, id, `chunk-${i}`)),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await client.waitFor(30);
    expect(client.events.map((e) => Number(e.id))).toEqual(seqs.sort((a, b) => a - b));
    expect(new Set(data(client)).size).toBe(30);
  });

  it("hides another user's stream (404) and rejects bad input", async () => {
    const id = await openStream(alice);
    const as = (_user: TestUser) => request(producer.getHttpServer());
    await as(bob).post(`/v1/streams/${id}/chunks`).set(bob.auth).send({ data: 'x' }).expect(404);
    await as(bob).post(`/v1/streams/${id}/complete`).set(bob.auth).expect(404);
    await as(bob).get(`/v1/streams/${id}/events`).set(bob.auth).expect(404);
    // Whatever the body: another user's stream looks exactly like a missing one.
    await as(bob).post(`/v1/streams/${id}/chunks`).set(bob.auth).send({ bad: 1 }).expect(404);
    await as(alice)
      .post(`/v1/streams/not-a-uuid/chunks`)
      .set(alice.auth)
      .send({ data: 'x' })
      .expect(404);
    const conversationId = await createConversation(producer, alice);
    await as(bob).post(`/v1/conversations/${conversationId}/streams`).set(bob.auth).expect(404);

    for (const res of await Promise.all([
      as(alice).post(`/v1/streams/${id}/chunks`).set(alice.auth).send({}),
      as(alice).post(`/v1/streams/${id}/chunks`).set(alice.auth).send({ data: 1 }),
      as(alice).post(`/v1/streams/${id}/chunks`).set(alice.auth).send({ data: 'x', more: 1 }),
      as(alice).get(`/v1/streams/${id}/events?after=-1`).set(alice.auth),
      as(alice)
        .get(`/v1/streams/${id}/events`)
        .set({ ...alice.auth, 'Last-Event-ID': 'x' }),
    ])) {
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
