import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MemorySearchService } from '../../src/modules/memory/memory-search.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { startTeen } from '../factories/collectives.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { waitUntil } from './wait.js';

interface Hit {
  namespace: string;
  key: string;
  value: unknown;
  score: number;
}

/**
 * POST /v1/memory/search end to end: items with text embedded by the queue
 * after each write, searched per user within a namespace prefix, an item's
 * embedding gone with it (delete, expiry, erasure), a minor gated on consent.
 */
export function memorySearchSuite(label: string, config: () => AppConfig): void {
  describe(`memory search (${label})`, () => {
    let app: NestExpressApplication;
    let alice: TestUser;
    let bob: TestUser;
    const http = () => request(app.getHttpServer());
    const item = (ns: string, key: string) => `/v1/memory/items/${ns}/${key}`;
    const search = async (user: TestUser, body: Record<string, unknown>): Promise<Hit[]> =>
      (await http().post('/v1/memory/search').set(user.auth).send(body).expect(200)).body.data;
    const found = (hits: Hit[]) => hits.map((h) => `${h.namespace}/${h.key}`);
    /** Waits until the item's current text is embedded (its row says with which profile). */
    const embedded = (user: TestUser, ns: string, key: string) =>
      waitUntil(
        async () => {
          const rows = (await app.get(DataSource).query(
            `SELECT 1 FROM memory.items WHERE user_id = $1 AND namespace = $2 AND key = $3
                  AND embedding IS NOT NULL`,
            [user.id, ns, key],
          )) as unknown[];
          return rows.length > 0;
        },
        { what: `${ns}/${key} embedded`, timeoutMs: 30_000 },
      );
    const put = async (user: TestUser, ns: string, key: string, body: Record<string, unknown>) => {
      await http().put(item(ns, key)).set(user.auth).send(body).expect(201);
    };

    beforeAll(async () => {
      app = await startTestApp(config());
      [alice, bob] = [await registerFullUser(app), await registerFullUser(app)];
      await put(alice, 'notes.trips', 'iceland', {
        value: { text: 'We watched lava flow from an erupting volcano in Iceland.' },
      });
      await put(alice, 'notes', 'breakfast', { value: 'Porridge with fruit for breakfast.' });
      await put(alice, 'work', 'report', { value: { text: 'Report on volcano eruptions.' } });
      await put(alice, 'notes', 'count', { value: { n: 3 } });
      await put(bob, 'notes', 'volcano', { value: 'Bob saw a volcano erupt with lava.' });
      for (const [user, ns, key] of [
        [alice, 'notes.trips', 'iceland'],
        [alice, 'notes', 'breakfast'],
        [alice, 'work', 'report'],
        [bob, 'notes', 'volcano'],
      ] as const) {
        await embedded(user, ns, key);
      }
    }, 120_000);

    afterAll(async () => {
      await app?.close();
    });

    it("finds the caller's items with text, best first, never another user's", async () => {
      const hits = await search(alice, { query: 'lava from the volcano', k: 10 });
      expect(found(hits)[0]).toBe('notes.trips/iceland');
      expect(found(hits)).toEqual(
        expect.arrayContaining(['notes.trips/iceland', 'work/report', 'notes/breakfast']),
      );
      expect(found(hits)).not.toContain('notes/count');
      expect(hits).toHaveLength(3);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(hits[0]!.value).toEqual({
        text: 'We watched lava flow from an erupting volcano in Iceland.',
      });
      const bobs = await search(bob, { query: 'lava from the volcano' });
      expect(found(bobs)).toEqual(['notes/volcano']);
    });

    it('stays within a namespace prefix, segment-wise, and honours k', async () => {
      const notes = await search(alice, { query: 'volcano', prefix: 'notes' });
      expect(found(notes).sort()).toEqual(['notes.trips/iceland', 'notes/breakfast']);
      const trips = await search(alice, { query: 'volcano', prefix: 'notes.trips' });
      expect(found(trips)).toEqual(['notes.trips/iceland']);
      expect(await search(alice, { query: 'volcano', prefix: 'note' })).toEqual([]);
      expect(await search(alice, { query: 'volcano', k: 1 })).toHaveLength(1);
    });

    it('searches the new text after a change, and forgets a deleted item at once', async () => {
      await http()
        .put(item('notes', 'breakfast'))
        .set(alice.auth)
        .send({ value: 'Pancakes with maple syrup.' })
        .expect(200);
      await embedded(alice, 'notes', 'breakfast');
      const hits = await search(alice, { query: 'maple syrup pancakes', k: 1 });
      expect(found(hits)).toEqual(['notes/breakfast']);
      await http().delete(item('notes', 'breakfast')).set(alice.auth).expect(204);
      expect(found(await search(alice, { query: 'maple syrup pancakes' }))).not.toContain(
        'notes/breakfast',
      );
    });

    it('never answers with an expired item', async () => {
      await put(alice, 'notes', 'fleeting', {
        value: 'A fleeting thought about glaciers.',
        ttl_seconds: 1,
      });
      await embedded(alice, 'notes', 'fleeting');
      await waitUntil(
        async () =>
          !found(await search(alice, { query: 'glaciers thought' })).includes('notes/fleeting'),
        { what: 'the expired item gone from search', timeoutMs: 10_000 },
      );
      await http().get(item('notes', 'fleeting')).set(alice.auth).expect(404);
    });

    it('refuses bad input with problems', async () => {
      for (const body of [
        {},
        { query: '' },
        { query: 'x', k: 0 },
        { query: 'x', k: 1000 },
        { query: 'x', prefix: '..' },
        { query: 'x', extra: 1 },
        { query: 42 },
      ]) {
        const res = await http().post('/v1/memory/search').set(alice.auth).send(body).expect(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it("gates a minor's search on consent in the service, not only by session scope", async () => {
      const teen = await startTeen(app);
      await expect(
        app.get(MemorySearchService).search(teen.id, { query: 'volcano', k: 5 }),
      ).rejects.toMatchObject({ code: 'consent-required' });
    });

    it("erases a user's items with their embeddings", async () => {
      const carol = await registerFullUser(app);
      await put(carol, 'notes', 'secret', { value: 'Carol keeps bees.' });
      await embedded(carol, 'notes', 'secret');
      await app.get(UsersService).erase(carol.id);
      const [{ n }] = (await app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM memory.items WHERE user_id = $1`, [carol.id])) as {
        n: number;
      }[];
      expect(n).toBe(0);
    });
  });
}
