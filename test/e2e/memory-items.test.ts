import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';

describe('memory items', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  let bob: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    [alice, bob] = await Promise.all([registerFullUser(app), registerFullUser(app)]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates (201), replaces (200), reads and forgets an item', async () => {
    const path = '/v1/memory/items/profile.preferences/colour';
    const created = await http()
      .put(path)
      .set(alice.auth)
      .send({ value: { text: 'blue' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      namespace: 'profile.preferences',
      key: 'colour',
      value: { text: 'blue' },
      expires_at: null,
    });
    const replaced = await http().put(path).set(alice.auth).send({ value: 'green' }).expect(200);
    expect(replaced.body.value).toBe('green');
    expect(replaced.body.created_at).toBe(created.body.created_at);
    expect((await http().get(path).set(alice.auth).expect(200)).body.value).toBe('green');
    await http().delete(path).set(alice.auth).expect(204);
    await http().get(path).set(alice.auth).expect(404);
    await http().delete(path).set(alice.auth).expect(404);
  });

  it('never shows one user the memory of another', async () => {
    const path = '/v1/memory/items/secrets/diary';
    await http().put(path).set(alice.auth).send({ value: 'mine' }).expect(201);
    await http().get(path).set(bob.auth).expect(404);
    await http().delete(path).set(bob.auth).expect(404);
    const listed = await http().get('/v1/memory/items?prefix=secrets').set(bob.auth).expect(200);
    expect(listed.body.data).toEqual([]);
    // Bob writing the same namespace and key makes his own item, not a change to Alice's.
    await http().put(path).set(bob.auth).send({ value: 'his' }).expect(201);
    expect((await http().get(path).set(alice.auth).expect(200)).body.value).toBe('mine');
  });

  it('lists by namespace prefix, segment-wise, in pages that cover everything once', async () => {
    const user = await registerFullUser(app);
    const keys: string[] = [];
    for (const ns of ['notes', 'notes.school', 'notesx', 'other']) {
      for (let i = 0; i < 4; i++) {
        await http()
          .put(`/v1/memory/items/${ns}/k${i}`)
          .set(user.auth)
          .send({ value: i })
          .expect(201);
        if (ns === 'notes' || ns === 'notes.school') keys.push(`${ns}/k${i}`);
      }
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/v1/memory/items?prefix=notes&limit=3${cursor ? `&after=${cursor}` : ''}`;
      const page = await http().get(query).set(user.auth).expect(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(
        ...page.body.data.map((i: { namespace: string; key: string }) => `${i.namespace}/${i.key}`),
      );
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(keys);
  });

  it('forgets an item after its TTL', async () => {
    const path = '/v1/memory/items/short/lived';
    const res = await http()
      .put(path)
      .set(alice.auth)
      .send({ value: 1, ttl_seconds: 1 })
      .expect(201);
    expect(Date.parse(res.body.expires_at)).toBeGreaterThan(Date.now());
    await new Promise((r) => setTimeout(r, 1100));
    await http().get(path).set(alice.auth).expect(404);
    // Writing it again starts a new item rather than reviving the old one.
    const again = await http().put(path).set(alice.auth).send({ value: 2 }).expect(201);
    expect(Date.parse(again.body.created_at)).toBeGreaterThan(Date.parse(res.body.created_at));
  });

  it('rejects bad names, unknown fields, oversized values and forged cursors with problems', async () => {
    const cases = [
      http().put('/v1/memory/items/bad..ns/k').set(alice.auth).send({ value: 1 }),
      http().put('/v1/memory/items/ns/k%20k').set(alice.auth).send({ value: 1 }),
      http().put('/v1/memory/items/ns/k').set(alice.auth).send({}),
      http().put('/v1/memory/items/ns/k').set(alice.auth).send({ value: 1, owner: 'x' }),
      http().put('/v1/memory/items/ns/k').set(alice.auth).send({ value: 1, ttl_seconds: 0 }),
      http()
        .put('/v1/memory/items/ns/k')
        .set(alice.auth)
        .send({ value: 'x'.repeat(70 * 1024) }),
      http().get('/v1/memory/items?prefix=a%25').set(alice.auth),
      http().get('/v1/memory/items?after=bm90LWEtY3Vyc29y').set(alice.auth),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await http().get('/v1/memory/items/ns/k').set(alice.auth).expect(404);
  });

  it('requires authentication', async () => {
    await http().get('/v1/memory/items').expect(401);
  });
});
