import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConversation } from '../factories/conversations.js';
import { bearer, login, registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';
import { openSse, type SseClient } from '../support/sse.js';
import { waitUntil } from '../support/wait.js';

/**
 * Stream tickets: what a browser EventSource, which cannot send an
 * Authorization header, reads a stream's events with. Minted on one instance,
 * redeemed on another (they share only the keys), refused with a 401 problem
 * when expired, altered, for another stream, or from a session that has ended.
 */
describe('stream tickets', () => {
  const prefix = testRedisPrefix('tickets');
  const dataDir = tempDir();
  let minter: NestExpressApplication;
  let reader: NestExpressApplication;
  let readerUrl: string;
  let alice: TestUser;
  let bob: TestUser;
  const open: SseClient[] = [];
  const http = () => request(minter.getHttpServer());
  const readerHttp = () => request(reader.getHttpServer());

  beforeAll(async () => {
    const env = { REDIS_KEY_PREFIX: prefix, DATA_DIR: dataDir };
    minter = await startTestApp(testConfig('server', env));
    reader = await startTestApp(testConfig('server', env));
    await reader.listen(0, '127.0.0.1');
    readerUrl = (await reader.getUrl()).replace('[::1]', '127.0.0.1');
    [alice, bob] = await Promise.all([registerFullUser(minter), registerFullUser(minter)]);
  });

  afterAll(async () => {
    for (const c of open) c.close();
    await Promise.all([minter?.close(), reader?.close()]);
  });

  async function openStream(user: TestUser): Promise<string> {
    const conversationId = await createConversation(minter, user);
    const res = await http()
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(user.auth)
      .expect(201);
    return res.body.id as string;
  }

  const append = (user: TestUser, id: string, data: string) =>
    http().post(`/v1/streams/${id}/chunks`).set(user.auth).send({ data }).expect(201);
  const complete = (user: TestUser, id: string) =>
    http().post(`/v1/streams/${id}/complete`).set(user.auth).expect(200);

  async function mint(user: TestUser | { auth: { Authorization: string } }, id: string) {
    const res = await http().post(`/v1/streams/${id}/tickets`).set(user.auth).expect(201);
    return res.body as { ticket: string; expires_at: string; events_url: string };
  }

  /** An EventSource's request: no Authorization header, whatever the URL says. */
  async function readAnonymously(path: string, headers: Record<string, string> = {}) {
    const client = await openSse(readerUrl, path, headers);
    open.push(client);
    return client;
  }

  async function expectRefused(path: string, detail: RegExp) {
    const res = await readerHttp().get(path);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'invalid-token' });
    expect(res.body.detail).toMatch(detail);
    return res;
  }

  it('reads the events without an Authorization header, live and on resume, on another instance', async () => {
    const id = await openStream(alice);
    await append(alice, id, 'one\r\ntwo');
    const minted = await mint(alice, id);
    expect(minted.events_url).toBe(
      `/v1/streams/${id}/events?ticket=${encodeURIComponent(minted.ticket)}`,
    );
    const expiresIn = Date.parse(minted.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(30_000); // minted a moment ago, even on a busy machine
    expect(expiresIn).toBeLessThanOrEqual(60_000);

    const live = await readAnonymously(minted.events_url);
    expect(live.status).toBe(200);
    await live.waitFor(1);
    await append(alice, id, '');
    await live.waitFor(2);
    live.close();
    // EventSource reconnects to the same URL with Last-Event-ID: the ticket still opens it.
    const resumed = await readAnonymously(minted.events_url, { 'Last-Event-ID': '1' });
    const byQuery = await readAnonymously(`${minted.events_url}&after=2`);
    await append(alice, id, 'three');
    await complete(alice, id);
    await Promise.all([resumed.ended, byQuery.ended]);
    expect(live.events.map((e) => [e.id, e.data])).toEqual([
      ['1', 'one\r\ntwo'],
      ['2', ''],
    ]);
    expect(resumed.events.map((e) => [e.id, e.event, e.data])).toEqual([
      ['2', 'message', ''],
      ['3', 'message', 'three'],
      ['4', 'done', '{"status":"completed"}'],
    ]);
    expect(byQuery.events.map((e) => e.id)).toEqual(['3', '4']);
  });

  it('refuses a ticket for another stream, even of the same user', async () => {
    const [first, second] = [await openStream(alice), await openStream(alice)];
    const { ticket } = await mint(alice, first);
    await expectRefused(`/v1/streams/${second}/events?ticket=${ticket}`, /another stream/);
    // The stream it names still opens.
    await complete(alice, first);
    const ok = await readAnonymously(`/v1/streams/${first}/events?ticket=${ticket}`);
    await ok.ended;
    expect(ok.events.at(-1)?.event).toBe('done');
  });

  it("mints none for another user's stream, and one user's ticket opens nothing of another's", async () => {
    const alices = await openStream(alice);
    const refused = await http().post(`/v1/streams/${alices}/tickets`).set(bob.auth);
    expect(refused.status).toBe(404);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);

    const bobs = await openStream(bob);
    const { ticket } = await mint(bob, bobs);
    await expectRefused(`/v1/streams/${alices}/events?ticket=${ticket}`, /another stream/);
    const wrongUser = await readerHttp()
      .get(`/v1/streams/${alices}/events`)
      .set(bob.auth)
      .expect(404);
    expect(wrongUser.body.status).toBe(404);
  });

  it('refuses an altered, truncated or made-up ticket', async () => {
    const id = await openStream(alice);
    const { ticket } = await mint(alice, id);
    const [body, mac] = ticket.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as unknown[];
    // A later expiry, re-encoded: the signature no longer matches.
    payload[7] = (payload[7] as number) + 3_600_000;
    const extended = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;
    const flipped = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [extended, flipped, body, `${ticket}x`, 'x'.repeat(64), '']) {
      await expectRefused(
        `/v1/streams/${id}/events?ticket=${encodeURIComponent(bad)}`,
        /not valid/,
      );
    }
    // Twice the parameter is no ticket either; beside an Authorization header it is refused.
    await expectRefused(`/v1/streams/${id}/events?ticket=${ticket}&ticket=${ticket}`, /not valid/);
    const both = await readerHttp()
      .get(`/v1/streams/${id}/events?ticket=${ticket}`)
      .set(alice.auth)
      .expect(400);
    expect(both.headers['content-type']).toMatch(/application\/problem\+json/);
    // A route that takes no ticket does not read one: without a header it is unauthenticated.
    await readerHttp().post(`/v1/streams/${id}/complete?ticket=${ticket}`).expect(401);
  });

  it('stops opening the stream once the session it was minted in is signed out or revoked', async () => {
    const id = await openStream(alice);
    await complete(alice, id);
    const signedOut = bearer((await login(minter, alice.email, alice.password)).access_token);
    const revoked = await login(minter, alice.email, alice.password);
    const [a, b] = [
      await mint({ auth: signedOut }, id),
      await mint({ auth: bearer(revoked.access_token) }, id),
    ];
    // Both open it while their sessions live.
    for (const { events_url } of [a, b]) {
      await readerHttp().get(events_url).expect(200);
    }
    await http().post('/v1/auth/logout').set(signedOut).expect(204);
    await http().delete(`/v1/auth/sessions/${revoked.session.id}`).set(alice.auth).expect(204);
    await expectRefused(a.events_url, /session/);
    await expectRefused(b.events_url, /session/);
    // The user's other sessions are untouched.
    await readerHttp().get(`/v1/streams/${id}/events`).set(alice.auth).expect(200);
  });
});

describe('stream tickets expire', () => {
  let app: NestExpressApplication;
  let alice: TestUser;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { STREAM_TICKET_TTL_SECONDS: '1' }));
    alice = await registerFullUser(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a ticket past its expires_at with a 401 problem', async () => {
    const conversationId = await createConversation(app, alice);
    const opened = await request(app.getHttpServer())
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(alice.auth)
      .expect(201);
    const id = opened.body.id as string;
    await request(app.getHttpServer())
      .post(`/v1/streams/${id}/complete`)
      .set(alice.auth)
      .expect(200);
    const minted = await request(app.getHttpServer())
      .post(`/v1/streams/${id}/tickets`)
      .set(alice.auth)
      .expect(201);
    const expiresAt = Date.parse(minted.body.expires_at as string);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(1000);
    const refused = await waitUntil(
      async () => {
        const res = await request(app.getHttpServer()).get(minted.body.events_url as string);
        return res.status === 401 ? res : undefined;
      },
      { what: 'the ticket expires', timeoutMs: 30_000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 401, code: 'invalid-token' });
    expect(refused.body.detail).toMatch(/expired/);
  });
});
