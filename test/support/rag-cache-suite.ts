import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EmbeddingCache } from '../../src/modules/rag/cache/embedding-cache.js';
import { CacheService } from '../../src/platform/cache/cache.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { createRagCollection, embeddedTexts, ingestDocument, makeAdmin } from './rag.js';
import { waitUntil } from './wait.js';

const DOCS = [
  'Magma rises beneath a volcano and erupts onto the surface as glowing lava.',
  'Lava flows from the volcano crater cool into black basalt rock.',
  'Paying taxes on time avoids penalties from the revenue office.',
  'A balanced breakfast includes fruit, grains and some protein.',
];

interface Hit {
  chunk_id: string;
  document_id: string;
  content: string;
  score: number;
}

/**
 * The embedding cache (exact text), the semantic cache (a near query in the
 * same scope) and their queued writes, end to end on one engine.
 */
export function ragCacheSuite(label: string, config: () => AppConfig): void {
  describe(`RAG caches (${label})`, () => {
    let app: NestExpressApplication;
    let admin: TestUser;
    let adult: TestUser;
    let collectionId: string;
    const name = `cache_${randomBytes(3).toString('hex')}`;
    const docIds: string[] = [];
    const http = () => request(app.getHttpServer());

    const search = async (query: string, k = 2) => {
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({ query, k, collection: name })
        .expect(200);
      return { cache: res.headers['x-cache'] as string, hits: res.body.data as Hit[] };
    };
    const semanticEntries = async () =>
      (
        (await app
          .get(DataSource)
          .query(
            `SELECT count(*)::int AS n FROM cache.rag_semantic_entries WHERE collection_ids @> ARRAY[$1]::uuid[]`,
            [collectionId],
          )) as { n: number }[]
      )[0]!.n;
    const generation = async () =>
      (
        (await app
          .get(DataSource)
          .query(`SELECT generation FROM rag.collections WHERE id = $1`, [collectionId])) as {
          generation: number;
        }[]
      )[0]!.generation;
    /** Waits until the queued writes of a search landed: the embedding in the shared cache, the entry in PostgreSQL. */
    const drained = async (query: string, entries: number) => {
      const key = app.get(EmbeddingCache).key(query);
      await waitUntil(
        async () => {
          const [vector] = await app.get(CacheService).getMany<number[]>([key]);
          return vector !== undefined && (await semanticEntries()) >= entries;
        },
        { what: `cache writes of "${query}"` },
      );
    };

    beforeAll(async () => {
      app = await startTestApp(config());
      admin = await makeAdmin(app, await startFullGuest(app));
      adult = await startFullGuest(app);
      collectionId = (await createRagCollection(app, admin, { name, audience: 'parent' }))
        .id as string;
      for (const [i, text] of DOCS.entries()) {
        docIds.push((await ingestDocument(app, admin, name, { title: `Doc ${i}`, text })).id);
      }
    }, 120_000);

    afterAll(async () => {
      delete process.env.PARLEY_TEST_RAG_CACHE_FAIL;
      delete process.env.PARLEY_TEST_EMBED_FAIL_ON;
      await app?.close();
    });

    it('misses first, then answers the repeated query from the embedding cache (X-Cache: embedding-hit)', async () => {
      const first = await search('lava from the volcano');
      expect(first.cache).toBe('miss');
      expect(first.hits).toHaveLength(2);
      await drained('lava from the volcano', 1);
      const again = await search('lava from the volcano');
      expect(again.cache).toBe('embedding-hit');
      expect(again.hits.map((h) => h.chunk_id)).toEqual(first.hits.map((h) => h.chunk_id));
    });

    it('answers a near query from the semantic cache (X-Cache: semantic-hit), the same chunks read again', async () => {
      // Another text, the same words to the embedder: distance 0, well within RAG_SEMANTIC_CACHE_DISTANCE.
      const near = await search('Lava, from the VOLCANO?');
      expect(near.cache).toBe('semantic-hit');
      const fresh = await search('lava from the volcano');
      expect(near.hits).toEqual(fresh.hits);
      // Another k is another question: not answered by the entry for k = 2.
      expect((await search('Lava from the volcano!', 3)).cache).toBe('miss');
    });

    it('misses after an ingest bumps the generation', async () => {
      await drained('Lava from the volcano!', 2);
      const before = await generation();
      docIds.push(
        (
          await ingestDocument(app, admin, name, {
            title: 'More lava',
            text: 'Lava from a volcano can reach a thousand degrees.',
          })
        ).id,
      );
      expect(await generation()).toBe(before + 1);
      // The bump dropped the collection's entries too.
      expect(await semanticEntries()).toBe(0);
      expect((await search('lava from the volcano.')).cache).toBe('miss');
      await drained('lava from the volcano.', 1);
    });

    it("never brings back a deleted document's chunks from a semantic hit", async () => {
      const first = await search('glowing magma erupts');
      expect(first.cache).toBe('miss');
      await drained('glowing magma erupts', 2);
      const top = first.hits[0]!;
      // Chunks gone without a generation bump (as a racing delete could leave them): the hit reads them again.
      await app.get(DataSource).query(`DELETE FROM rag.chunks WHERE id = $1`, [top.chunk_id]);
      const near = await search('Glowing magma erupts!');
      expect(near.cache).toBe('semantic-hit');
      expect(near.hits.map((h) => h.chunk_id)).toEqual(first.hits.slice(1).map((h) => h.chunk_id));
      // Deleting through the API bumps the generation: a miss, and the document is gone.
      const second = first.hits[1]!;
      const before = await generation();
      await http()
        .delete(`/v1/rag/collections/${name}/documents/${second.document_id}`)
        .set(admin.auth)
        .expect(200);
      expect(await generation()).toBe(before + 1);
      const after = await search('GLOWING magma erupts');
      expect(after.cache).toBe('miss');
      expect(after.hits.map((h) => h.document_id)).not.toContain(second.document_id);
      expect(after.hits.map((h) => h.chunk_id)).not.toContain(top.chunk_id);
    });

    it('ingest takes chunk embeddings from the cache: the same text in another collection embeds nothing', async () => {
      const other = `${name}_b`;
      await createRagCollection(app, admin, { name: other, audience: 'parent' });
      const before = await embeddedTexts(app);
      await ingestDocument(app, admin, other, { title: 'Again', text: DOCS[2]! });
      expect(await embeddedTexts(app)).toBe(before);
      await ingestDocument(app, admin, other, { title: 'New', text: 'Glaciers carve valleys.' });
      expect(await embeddedTexts(app)).toBe(before + 1);
    });

    it('answers 503 when the embedder fails on a new query, and still answers a cached one', async () => {
      process.env.PARLEY_TEST_EMBED_FAIL_ON = 'volcano';
      try {
        const res = await http()
          .post('/v1/rag/search')
          .set(adult.auth)
          .send({ query: 'a volcano never asked about', k: 2, collection: name })
          .expect(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect((await search('lava from the volcano')).cache).toBe('embedding-hit');
      } finally {
        delete process.env.PARLEY_TEST_EMBED_FAIL_ON;
      }
    });

    it('answers 200 when cache writes fail (retried, then given up) or cannot be queued', async () => {
      const queue = app.get(QueueService);
      const failedBefore = (await queue.depths())['rag-cache'].failed;
      process.env.PARLEY_TEST_RAG_CACHE_FAIL = 'write';
      const res = await search('breakfast with fruit');
      expect(res.cache).toBe('miss');
      expect(res.hits.length).toBeGreaterThan(0);
      // Both writes (embedding, semantic entry) are retried to their last attempt, then fail.
      await waitUntil(
        async () => {
          await queue.promoteDelayed();
          return (await queue.depths())['rag-cache'].failed >= failedBefore + 2;
        },
        { what: 'failed cache writes', timeoutMs: 30_000 },
      );
      // No entry was stored: a near query is not answered from the semantic cache.
      expect((await search('Breakfast, with fruit!')).cache).toBe('miss');
      process.env.PARLEY_TEST_RAG_CACHE_FAIL = 'enqueue';
      const unqueued = await search('taxes and penalties');
      expect(unqueued.cache).toBe('miss');
      expect(unqueued.hits.length).toBeGreaterThan(0);
      delete process.env.PARLEY_TEST_RAG_CACHE_FAIL;
      expect((await search('taxes and penalties')).cache).toBe('embedding-hit');
    });
  });
}
