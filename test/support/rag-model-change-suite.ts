import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hnswIndexName } from '../../src/modules/rag/search/vector-indexes.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';
import { createRagCollection, ingestDocument, makeAdmin } from './rag.js';
import { waitUntil } from './wait.js';

const TOPICS = [
  'Magma rises beneath a volcano and erupts onto the surface as glowing lava.',
  'Paying taxes on time avoids penalties from the revenue office.',
  'A balanced breakfast includes fruit, grains and some protein.',
  'The football team trained twice a week before the final match.',
  'Photosynthesis turns sunlight, water and carbon dioxide into sugar.',
];
const FAIL_MARKER = 'zq-reembed-fault-marker';
const QUERY = 'lava erupts from the volcano';

interface CollectionView {
  name: string;
  generation: number;
  embedding: { provider: string; model: string; dimensions: number };
  reembedding: null | {
    id: string;
    status: string;
    model: string;
    dimensions: number;
    chunks_done: number;
    chunks_total: number;
    error: string | null;
  };
}

/**
 * A collection's model change end to end, on every engine the search suite
 * runs on: re-embedded by a job while search keeps the old profile, switched
 * at once (another size, its own index, a new generation), and a failed
 * re-embed leaving the old profile live.
 */
export function ragModelChangeSuite(
  label: string,
  config: () => AppConfig,
  expectedVectorMode: () => Promise<'pgvector' | 'exact-scan'>,
): void {
  describe(`RAG model change (${label})`, () => {
    let app: NestExpressApplication;
    let admin: TestUser;
    let adult: TestUser;
    let collectionId: string;
    const name = `mc_${randomBytes(3).toString('hex')}`;
    const http = () => request(app.getHttpServer());
    const path = `/v1/rag/collections/${name}`;

    const view = async (): Promise<CollectionView> => {
      const res = await http().get('/v1/rag/collections?limit=100').set(admin.auth).expect(200);
      return (res.body.data as CollectionView[]).find((c) => c.name === name)!;
    };
    const search = () =>
      http().post('/v1/rag/search').set(adult.auth).send({ query: QUERY, k: 3, collection: name });
    const chunkSizes = async () =>
      (
        (await app
          .get(DataSource)
          .query(
            `SELECT DISTINCT cardinality(embedding) AS n FROM rag.chunks WHERE collection_id = $1`,
            [collectionId],
          )) as { n: number }[]
      ).map((r) => Number(r.n));

    beforeAll(async () => {
      app = await startTestApp(config());
      admin = await makeAdmin(app, await startFullGuest(app));
      adult = await startFullGuest(app);
      collectionId = (await createRagCollection(app, admin, { name, audience: 'parent' }))
        .id as string;
      for (const [i, text] of TOPICS.entries()) {
        await ingestDocument(app, admin, name, { title: `Doc ${i}`, text });
      }
      await ingestDocument(app, admin, name, {
        title: 'Fault',
        text: `A document the fault marker is in: ${FAIL_MARKER}.`,
      });
    }, 120_000);

    afterAll(async () => {
      delete process.env.PARLEY_TEST_EMBED_FAIL_ON;
      await app?.close();
    });

    it('refuses model changes it cannot make, and non-admins, with problems', async () => {
      await http()
        .patch(path)
        .set(adult.auth)
        .send({ embedding: { provider: 'local', model: 'parley-local-256', dimensions: 256 } })
        .expect(404);
      for (const embedding of [{ provider: 'local', model: 'parley-local-384', dimensions: 384 }]) {
        const res = await http().patch(path).set(admin.auth).send({ embedding }).expect(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      for (const embedding of [
        { provider: 'local', model: 'other-model', dimensions: 256 },
        { provider: 'openai', model: 'text-embedding-3-small', dimensions: 256 },
        { provider: 'nope', model: 'x', dimensions: 2 },
        { provider: 'local', model: 'parley-local-0', dimensions: 0 },
      ]) {
        const res = await http().patch(path).set(admin.auth).send({ embedding }).expect(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      await http().patch(path).set(admin.auth).send({}).expect(400);
      await http()
        .patch('/v1/rag/collections/no_such_collection')
        .set(admin.auth)
        .send({ embedding: { provider: 'local', model: 'parley-local-256', dimensions: 256 } })
        .expect(404);
      expect((await view()).reembedding).toBeNull();
    });

    it('keeps the old profile live when the re-embed fails, saying why', async () => {
      const before = await view();
      const top = (await search().expect(200)).body.data[0].chunk_id as string;
      process.env.PARLEY_TEST_EMBED_FAIL_ON = FAIL_MARKER;
      const accepted = await http()
        .patch(path)
        .set(admin.auth)
        .send({ embedding: { provider: 'local', model: 'parley-local-128', dimensions: 128 } })
        .expect(202);
      expect(accepted.body.reembedding).toMatchObject({
        status: 'building',
        model: 'parley-local-128',
        dimensions: 128,
        chunks_total: TOPICS.length + 1,
      });
      expect(accepted.body.embedding.dimensions).toBe(384);
      // Search goes on with the live profile while the change is building or failing.
      const during = await search().expect(200);
      expect(during.body.data[0].chunk_id).toBe(top);
      const failed = await waitUntil(
        async () => {
          const v = await view();
          return v.reembedding?.status === 'failed' ? v : undefined;
        },
        { what: 'the re-embed failed', timeoutMs: 60_000 },
      );
      delete process.env.PARLEY_TEST_EMBED_FAIL_ON;
      expect(failed.reembedding!.error).toContain('unavailable');
      expect(failed.embedding).toEqual(before.embedding);
      expect(failed.generation).toBe(before.generation);
      expect(await chunkSizes()).toEqual([384]);
      const [{ n }] = (await app.get(DataSource).query(
        `SELECT count(*)::int AS n FROM rag.profile_vectors v
             JOIN rag.embedding_profiles p ON p.id = v.profile_id WHERE p.collection_id = $1`,
        [collectionId],
      )) as { n: number }[];
      expect(n).toBe(0);
      const after = await search().expect(200);
      expect(after.body.data[0].chunk_id).toBe(top);
    });

    it('re-embeds into another size and switches at once when every chunk is done', async () => {
      const before = await view();
      // Cached in both levels under the old profile.
      await search().expect(200);
      await http()
        .patch(path)
        .set(admin.auth)
        .send({ embedding: { provider: 'local', model: 'parley-local-256', dimensions: 256 } })
        .expect(202);
      // The same again: under way, or (on a quick machine) already the model: a conflict either way.
      await http()
        .patch(path)
        .set(admin.auth)
        .send({ embedding: { provider: 'local', model: 'parley-local-256', dimensions: 256 } })
        .expect(409);
      const switched = await waitUntil(
        async () => {
          const v = await view();
          return v.embedding.dimensions === 256 ? v : undefined;
        },
        { what: 'the switch to 256 dimensions', timeoutMs: 60_000 },
      );
      expect(switched.embedding).toEqual({
        provider: 'local',
        model: 'parley-local-256',
        dimensions: 256,
        distance: 'cosine',
      });
      expect(switched.reembedding).toBeNull();
      expect(switched.generation).toBeGreaterThan(before.generation);
      expect(await chunkSizes()).toEqual([256]);
      // Neither cache answers from the old profile: the query is embedded anew, and found again.
      const res = await search().expect(200);
      expect(res.headers['x-cache']).toBe('miss');
      expect(res.body.data[0].content).toContain('volcano');
      if ((await expectedVectorMode()) === 'pgvector') {
        const names = (
          (await app
            .get(DataSource)
            .query(
              `SELECT indexname FROM pg_indexes WHERE schemaname = 'rag' AND indexname LIKE $1`,
              [`${hnswIndexName(collectionId, 1).slice(0, -2)}%`],
            )) as { indexname: string }[]
        ).map((r) => r.indexname);
        expect(names).toEqual([hnswIndexName(collectionId, 256)]);
      }
    });

    it('ingests with the new profile after the switch, keeping chunk keys of its model', async () => {
      const doc = await ingestDocument(app, admin, name, {
        title: 'Later',
        text: 'Basalt forms when lava from a volcano cools quickly.',
      });
      expect(doc.status).toBe('ready');
      expect(await chunkSizes()).toEqual([256]);
      // The default search of the caller's audience reaches it through its own profile.
      const res = await http()
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({ query: 'basalt lava cools', k: 50 })
        .expect(200);
      expect((res.body.data as { document_id: string }[]).map((h) => h.document_id)).toContain(
        doc.id,
      );
    });
  });
}
