import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { FlagStore } from '../../../src/modules/feature-flags/flag-store.js';
import { createFlag, registerAdmin, uniqueFlagName } from '../../factories/feature-flags.js';
import { registerFullUser, startGuest, type TestUser } from '../../factories/identity.js';
import { startFlagApps } from '../../support/flag-apps.js';
import { openSse, type SseClient } from '../../support/sse.js';
import { waitUntil } from '../../support/wait.js';

/** The stream's subscription to flag changes, read from outside for this test. */
interface Listeners {
  changes: { observers: unknown[] };
}

/** Operators are promised that every instance sees a toggle within a second. */
const PROPAGATION_MS = 1000;

describe('feature flags: every instance sees a change, and streams push it', () => {
  let one: NestExpressApplication;
  let two: NestExpressApplication;
  let twoUrl: string;
  let close: () => Promise<void>;
  let admin: TestUser;
  let user: TestUser;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    ({
      apps: [one, two],
      close,
    } = await startFlagApps('flags_sync', 2));
    await two!.listen(0, '127.0.0.1');
    twoUrl = (await two!.getUrl()).replace('[::1]', '127.0.0.1');
    [admin, user] = await Promise.all([registerAdmin(one!), registerFullUser(one!)]);
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await close?.();
  });

  const flagsOn = async (app: NestExpressApplication) =>
    (await request(app.getHttpServer()).get('/v1/feature-flags').set(user.auth).expect(200))
      .body as Record<string, boolean>;
  const patch = (name: string, body: Record<string, unknown>) =>
    request(one.getHttpServer())
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send(body)
      .expect(200);

  it('a toggle on one instance is served by the other within a second', async () => {
    const name = uniqueFlagName('toggle');
    await createFlag(one, admin, { name, is_enabled: false });
    await waitUntil(async () => (await flagsOn(two))[name] === false, {
      what: 'the new flag on the second instance',
      timeoutMs: PROPAGATION_MS,
    });
    // The second instance has the flag in memory now; the toggle must reach that copy.
    await patch(name, { is_enabled: true });
    await waitUntil(async () => (await flagsOn(two))[name] === true, {
      what: 'the toggle on the second instance',
      timeoutMs: PROPAGATION_MS,
    });
    await request(one.getHttpServer())
      .delete(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .expect(204);
    await waitUntil(async () => !(name in (await flagsOn(two))), {
      what: 'the deletion on the second instance',
      timeoutMs: PROPAGATION_MS,
    });
  });

  it('a stream on the other instance pushes the caller’s flags again on every change', async () => {
    const name = uniqueFlagName('stream');
    await createFlag(one, admin, { name, is_enabled: false, visibility: 'frontend' });
    await waitUntil(async () => name in (await flagsOn(two)), {
      what: 'the flag on the second instance',
      timeoutMs: PROPAGATION_MS,
    });
    const stream = await openSse(twoUrl, '/v1/feature-flags/stream', user.auth);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const [first] = await stream.waitFor(1);
    expect(first!.event).toBe('flags');
    expect(JSON.parse(first!.data)).toMatchObject({ [name]: false });

    await patch(name, { is_enabled: true });
    const events = await stream.waitFor(2, PROPAGATION_MS);
    expect(JSON.parse(events[1]!.data)).toMatchObject({ [name]: true });

    await patch(name, { is_enabled: false });
    expect(JSON.parse((await stream.waitFor(3, PROPAGATION_MS))[2]!.data)).toMatchObject({
      [name]: false,
    });
  });

  it('a stream ends at the first change after its session ends', async () => {
    const leaving = await registerFullUser(one);
    const name = uniqueFlagName('logout');
    const stream = await openSse(twoUrl, '/v1/feature-flags/stream', leaving.auth);
    streams.push(stream);
    await stream.waitFor(1);
    await request(one.getHttpServer()).post('/v1/auth/logout').set(leaving.auth).expect(204);
    await createFlag(one, admin, { name, is_enabled: true });
    await stream.ended;
    expect(stream.events).toHaveLength(1);
  });

  it('streams answer in any scope, refuse a request that does not accept events, and end when the client goes', async () => {
    const listening = () => (two.get(FlagStore) as unknown as Listeners).changes.observers.length;
    const before = listening();
    const guest = await startGuest(one);
    const stream = await openSse(twoUrl, '/v1/feature-flags/stream', guest.auth);
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.waitFor(1);
    expect(listening()).toBe(before + 1);
    stream.close();
    await stream.ended;
    // The server lets go of the stream: it no longer listens for changes.
    await waitUntil(() => listening() === before, { what: 'the stream released' });

    const plain = await request(two.getHttpServer())
      .get('/v1/feature-flags/stream')
      .set(user.auth)
      .set('Accept', 'application/json');
    expect(plain.status).toBe(406);
    expect(plain.headers['content-type']).toMatch(/^application\/problem\+json/);
    const anonymous = await openSse(twoUrl, '/v1/feature-flags/stream', {});
    streams.push(anonymous);
    expect(anonymous.status).toBe(401);
  });
});
