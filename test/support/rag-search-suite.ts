import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hnswIndexName } from '../../src/modules/rag/search/vector-indexes.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { linkChild } from '../factories/collectives.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { createRagCollection, ingestDocument, makeAdmin } from './rag.js';

const TOPICS = [
  'Magma rises beneath a volcano and erupts onto the surface as glowing lava.',
  'Paying taxes on time avoids penalties from the revenue office.',
  'A balanced breakfast includes fruit, grains and some protein.',
  'The football team trained twice a week before the final match.',
  'Photosynthesis turns sunlight, water and carbon dioxide into sugar.',
];

/**
 * Vector search end to end, the same assertions on every engine it runs on:
 * embedded PGlite with pgvector, a server with pgvector, and a server in
 * forced exact-scan mode.
 */
export function ragSearchSuite(
  label: string,
  config: () => AppConfig,
  expectedVectorMode: () => Promise<'pgvector' | 'exact-scan'>,
): void {
  describe(`RAG search (${label})`, () => {
    let app: NestExpressApplication;
    let admin: TestUser;
    let adult: TestUser;
    const suffix = randomBytes(3).toString('hex');
    const youth = `youth_${suffix}`;
    const adults = `adult_${suffix}`;
    const collectionIds: Record<string, string> = {};
    const http = () => request(app.getHttpServer());
    const audiencesOf = async (names: Iterable<string>) =>
      (
        (await app
          .get(DataSource)
          .query(`SELECT audience FROM rag.collections WHERE name = ANY($1)`, [[...names]])) as {
          audience: string;
        }[]
      ).map((r) => r.audience);

    beforeAll(async () => {
      app = await startTestApp(config());
      admin = await makeAdmin(app, await startFullGuest(app));
      adult = await startFullGuest(app);
      for (const [name, audience] of [
        [youth, 'teenager'],
        [adults, 'parent'],
      ] as const) {
        collectionIds[name] = (await createRagCollection(app, admin, { name, audience }))
          .id as string;
      }
      // Many documents, a few of them rare: a selective filter must still fill k.
      const docs = Array.from({ length: 40 }, (_, i) => ({
        title: `Doc ${i}`,
        text: `${TOPICS[i % TOPICS.length]} (note ${i})`,
        metadata: { n: i, topic: i % TOPICS.length, tag: i % 10 === 3 ? 'rare' : 'common' },
      }));
      for (const doc of docs) await ingestDocument(app, admin, adults, doc);
      await ingestDocument(app, admin, youth, {
        title: 'Volcanoes for teens',
        text: 'Volcanoes erupt when magma reaches the surface as lava.',
      });
    }, 120_000);

    afterAll(async () => {
      await app?.close();
    });

    it('reports the vector mode in readiness', async () => {
      const ready = await http().get('/health/ready').expect(200);
      const mode = await expectedVectorMode();
      expect(ready.body.vector).toBe(mode);
      // With pgvector, every collection has its partial HNSW index; without, none is made.
      const indexes = (await app
        .get(DataSource)
        .query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'rag' AND indexname = $1`, [
          hnswIndexName(collectionIds[adults]!, 384),
        ])) as { indexdef: string }[];
      if (mode === 'pgvector') {
        expect(indexes).toHaveLength(1);
        expect(indexes[0]!.indexdef).toMatch(/USING hnsw .*vector\(384\).*vector_cosine_ops/);
      }
      // In exact mode nothing is asserted of indexes: another instance on the same database,
      // in auto mode, indexes every collection at start-up, and an exact scan never uses one.
    });

    it('finds the volcano documents first, best first, with X-Cache: miss', async () => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({ query: 'lava erupts from the volcano', k: 5, collection: adults })
        .expect(200);
      expect(res.headers['x-cache']).toBe('miss');
      const hits = res.body.data as { content: string; score: number; collection: string }[];
      expect(hits).toHaveLength(5);
      expect(hits[0]!.content).toContain('volcano');
      expect(hits.every((h) => h.collection === adults)).toBe(true);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(hits.filter((h) => h.content.includes('volcano'))).toHaveLength(5);
    });

    it("searches the caller's audience by default", async () => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({ query: 'lava erupts from the volcano', k: 50 })
        .expect(200);
      const collections = new Set(
        (res.body.data as { collection: string }[]).map((h) => h.collection),
      );
      expect(collections).toContain(adults);
      expect(collections).not.toContain(youth);
      // Other suites may have collections of their own in this database: judge by audience.
      for (const audience of await audiencesOf(collections))
        expect(['parent', 'all']).toContain(audience);
    });

    it('hybrid fuses vector and full-text ranks', async () => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({ query: 'football match', k: 3, mode: 'hybrid', collection: adults })
        .expect(200);
      const hits = res.body.data as { content: string; score: number }[];
      expect(hits).toHaveLength(3);
      for (const h of hits) expect(h.content).toContain('football');
      // Both lists ranked it: at most 2 / (60 + 1).
      expect(hits[0]!.score).toBeGreaterThan(1 / 61);
      expect(hits[0]!.score).toBeLessThanOrEqual(2 / 61 + 1e-9);
    });

    it('a selective filter still returns k rows', async () => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({
          query: 'lava erupts from the volcano',
          k: 4,
          collection: adults,
          filter: { tag: 'rare' },
        })
        .expect(200);
      const hits = res.body.data as { metadata: { tag: string } }[];
      expect(hits).toHaveLength(4);
      expect(hits.every((h) => h.metadata.tag === 'rare')).toBe(true);
    });

    it('combines in, not_in, lt and gt', async () => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({
          query: 'breakfast',
          k: 50,
          collection: adults,
          filter: { topic: { in: [0, 2] }, n: { gt: 4, lt: 30 }, tag: { not_in: ['rare'] } },
        })
        .expect(200);
      const ns = (res.body.data as { metadata: { n: number } }[])
        .map((h) => h.metadata.n)
        .sort((a, b) => a - b);
      const expected = Array.from({ length: 40 }, (_, i) => i).filter(
        (i) => [0, 2].includes(i % 5) && i > 4 && i < 30 && i % 10 !== 3,
      );
      expect(ns).toEqual(expected);
    });

    it('drops results under score_threshold', async () => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({
          query: 'lava erupts from the volcano',
          k: 20,
          collection: adults,
          score_threshold: 0.2,
        })
        .expect(200);
      const hits = res.body.data as { content: string; score: number }[];
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.score >= 0.2 && h.content.includes('volcano'))).toBe(true);
    });

    it('keeps a teenager to their audience: parent collections look missing', async () => {
      const parent = await startFullGuest(app);
      const teen = await linkChild(app, parent);
      const own = await http()
        .post('/v1/rag/search')
        .set(teen.auth)
        .send({ query: 'lava erupts from the volcano', k: 5 })
        .expect(200);
      const seen = (own.body.data as { collection: string }[]).map((h) => h.collection);
      expect(seen).toContain(youth);
      expect(seen).not.toContain(adults);
      for (const audience of await audiencesOf(seen))
        expect(['teenager', 'all']).toContain(audience);
      const other = await http()
        .post('/v1/rag/search')
        .set(teen.auth)
        .send({ query: 'lava', k: 5, collection: adults })
        .expect(404);
      expect(other.headers['content-type']).toContain('application/problem+json');
      const listed = await http().get('/v1/rag/collections?limit=100').set(teen.auth).expect(200);
      const names = (listed.body.data as { name: string }[]).map((c) => c.name);
      expect(names).toContain(youth);
      expect(names).not.toContain(adults);
      // Admins reach every collection.
      await http()
        .post('/v1/rag/search')
        .set(admin.auth)
        .send({ query: 'lava', k: 1, collection: youth })
        .expect(200);
    });
  });
}
