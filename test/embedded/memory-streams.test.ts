import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConversation } from '../factories/conversations.js';
import { SummariesService } from '../../src/modules/memory/summaries.service.js';
import { bearer, login, registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig } from '../support/app.js';
import { waitForJob } from '../support/queues.js';
import { openSse, TRICKY_CHUNKS } from '../support/sse.js';

/** The embedded default: the lake's jobs in PostgreSQL (PGlite), stream chunks in memory. */
describe('memory lake and resumable streams, embedded', () => {
  const dataDir = tempDir('parley-embedded-lake-');
  let app: NestExpressApplication;
  let baseUrl: string;
  let alice: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('embedded', { DATA_DIR: dataDir }));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    alice = await registerFullUser(app);
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a summary that cannot be stored without sending anyone else to the direct path', async () => {
    const bob = await registerFullUser(app);
    const [mine, bobs] = [await createConversation(app, alice), await createConversation(app, bob)];
    const refused = await http()
      .post('/v1/memory/summaries')
      .set(alice.auth)
      .send({ conversation_id: mine, summary: 'nul \u0000 inside' });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    // The service refuses it too, whatever rules the HTTP layer adds in front.
    await expect(
      app.get(SummariesService).accept(alice.id, { conversationId: mine, summary: 'x\u0000' }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    // A data error is no queue fault: the next summary, of another user, is still queued.
    const queued = await http()
      .post('/v1/memory/summaries')
      .set(bob.auth)
      .send({ conversation_id: bobs, summary: 'fine' });
    expect(queued.status).toBe(202);
    expect(queued.body.status).toBe('queued');
    await waitForJob(app, 'memory-lake.persist-summary', queued.body.job_id);
  });

  it('queues a summary and stores it in memory and on the conversation, newest winning', async () => {
    const conversationId = await createConversation(app, alice);
    const newer = await http()
      .post('/v1/memory/summaries')
      .set(alice.auth)
      .send({ conversation_id: conversationId, summary: 'newer', as_of: '2026-03-02T00:00:00Z' })
      .expect(202);
    await waitForJob(app, 'memory-lake.persist-summary', newer.body.job_id);
    const older = await http()
      .post('/v1/memory/summaries')
      .set(alice.auth)
      .send({ conversation_id: conversationId, summary: 'older', as_of: '2026-03-01T00:00:00Z' })
      .expect(202);
    await waitForJob(app, 'memory-lake.persist-summary', older.body.job_id);
    const job = await http()
      .get(`/v1/memory/summaries/jobs/${older.body.job_id}`)
      .set(alice.auth)
      .expect(200);
    expect(job.body).toMatchObject({ status: 'completed', result: { memory_updated: false } });
    const item = await http()
      .get(`/v1/memory/items/summaries/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(item.body.value.text).toBe('newer');
    const conversation = await http()
      .get(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .expect(200);
    expect(conversation.body.summary).toBe('newer');
  });

  it('streams chunks to a late reader, resumes, and ends with a final event', async () => {
    const conversationId = await createConversation(app, alice);
    const opened = await http()
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(alice.auth)
      .expect(201);
    const id = opened.body.id as string;
    const append = (data: string) =>
      http().post(`/v1/streams/${id}/chunks`).set(alice.auth).send({ data }).expect(201);
    await append('one');
    await append('two');

    const late = await openSse(baseUrl, `/v1/streams/${id}/events`, alice.auth);
    await late.waitFor(2);
    await append('three');
    await late.waitFor(3);
    late.close();

    const resumed = await openSse(baseUrl, `/v1/streams/${id}/events`, {
      ...alice.auth,
      'Last-Event-ID': '2',
    });
    await http().post(`/v1/streams/${id}/complete`).set(alice.auth).expect(200);
    await resumed.ended;
    expect(resumed.events.map((e) => [e.id, e.event, e.data])).toEqual([
      ['3', 'message', 'three'],
      ['4', 'done', '{"status":"completed"}'],
    ]);
  });

  it('gives chunks back byte-exact, live and on resume, to a reader holding a ticket', async () => {
    const bob = await registerFullUser(app);
    const conversationId = await createConversation(app, alice);
    const opened = await http()
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(alice.auth)
      .expect(201);
    const id = opened.body.id as string;
    const append = (data: string) =>
      http().post(`/v1/streams/${id}/chunks`).set(alice.auth).send({ data }).expect(201);
    // A session of its own, signed out at the end.
    const session = bearer((await login(app, alice.email, alice.password)).access_token);
    const minted = await http().post(`/v1/streams/${id}/tickets`).set(session).expect(201);
    const url = minted.body.events_url as string;

    await append(TRICKY_CHUNKS[0]!);
    const live = await openSse(baseUrl, url, {});
    await live.waitFor(1);
    for (const chunk of TRICKY_CHUNKS.slice(1)) await append(chunk);
    await live.waitFor(TRICKY_CHUNKS.length);
    const resumed = await openSse(baseUrl, url, { 'Last-Event-ID': '3' });
    await http().post(`/v1/streams/${id}/complete`).set(alice.auth).expect(200);
    await Promise.all([live.ended, resumed.ended]);
    const chunks = (events: typeof live.events) =>
      events.filter((e) => e.event === 'message').map((e) => e.data);
    expect(chunks(live.events)).toEqual(TRICKY_CHUNKS);
    expect(chunks(resumed.events)).toEqual(TRICKY_CHUNKS.slice(3));
    expect(resumed.events.at(-1)?.event).toBe('done');

    // Only that stream, only while the session lives.
    const other = await http()
      .post(`/v1/conversations/${await createConversation(app, bob)}/streams`)
      .set(bob.auth)
      .expect(201);
    const ticket = minted.body.ticket as string;
    const wrong = await http().get(`/v1/streams/${other.body.id}/events?ticket=${ticket}`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    await http().post('/v1/auth/logout').set(session).expect(204);
    const ended = await http().get(url);
    expect(ended.status).toBe(401);
    expect(ended.body.detail).toMatch(/session/);
  });
});
