import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionScope } from '../../src/modules/auth/entities/app-session.entity.js';
import { SearchService } from '../../src/modules/rag/search/search.service.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import { startTeen } from '../factories/collectives.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import {
  createRagCollection,
  embeddedTexts,
  ingestDocument,
  makeAdmin,
  waitForDocument,
} from '../support/rag.js';
import { waitUntil } from '../support/wait.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Paragraphs long enough that a 32-token splitter makes one chunk of each. */
const PARAGRAPHS = [
  'Volcanoes form where magma from deep below pushes up through cracks in the crust.',
  'Lava that cools quickly turns into glassy rock, while slow cooling grows big crystals.',
  'Ash clouds from large eruptions can cool the whole planet for a year or two.',
  'Scientists watch gas, tremors and swelling ground to warn people before an eruption.',
];

describe('RAG collections and ingest (BullMQ, processors in this process)', () => {
  let app: NestExpressApplication;
  let admin: TestUser;
  let user: TestUser;
  const name = `kb_${randomBytes(4).toString('hex')}`;
  const http = () => request(app.getHttpServer());
  const docs = `/v1/rag/collections/${name}/documents`;

  const chunkRows = async (documentId: string) =>
    (await app
      .get(DataSource)
      .query(
        `SELECT id, ordinal, content FROM rag.chunks WHERE document_id = $1 ORDER BY ordinal`,
        [documentId],
      )) as { id: string; ordinal: number; content: string }[];

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { RUN_PROCESSORS: 'true' }));
    admin = await makeAdmin(app, await startFullGuest(app));
    user = await startFullGuest(app);
  });

  afterAll(async () => {
    delete process.env.PARLEY_TEST_EMBED_FAIL_ON;
    await app?.close();
  });

  it('lets only admins write collections (404 to others, as every admin route), and refuses bad ones with problems', async () => {
    await http()
      .post('/v1/rag/collections')
      .set(user.auth)
      .send({ name, audience: 'all' })
      .expect(404);
    const created = await createRagCollection(app, admin, {
      name,
      audience: 'all',
      chunk_size: 32,
      chunk_overlap: 0,
    });
    expect(created).toMatchObject({
      name,
      audience: 'all',
      embedding: {
        provider: 'local',
        model: 'parley-local-384',
        dimensions: 384,
        distance: 'cosine',
      },
      chunk_size: 32,
      chunk_overlap: 0,
      generation: 0,
    });
    const dup = await http()
      .post('/v1/rag/collections')
      .set(admin.auth)
      .send({ name, audience: 'all' })
      .expect(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    for (const body of [
      { name: 'x', audience: 'adults' },
      { name: 'Bad Name', audience: 'all' },
      { name: 'ok_name', audience: 'all', chunk_size: 16, chunk_overlap: 16 },
      { name: 'ok_name', audience: 'all', extra: 1 },
      { name: 'ok_name', audience: 'all', chunk_size: 20.5 },
    ]) {
      const res = await http().post('/v1/rag/collections').set(admin.auth).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const listed = await http().get('/v1/rag/collections?limit=100').set(user.auth).expect(200);
    expect((listed.body.data as { name: string }[]).map((c) => c.name)).toContain(name);
  });

  it('ingests a document by a job: 202 queued, then ready with its progress', async () => {
    const text = PARAGRAPHS.join('\n\n');
    const before = await embeddedTexts(app);
    const accepted = await http()
      .post(docs)
      .set(admin.auth)
      .send({ title: 'Volcanoes', text, metadata: { grade: 7 } })
      .expect(202);
    expect(accepted.body).toMatchObject({
      status: 'queued',
      title: 'Volcanoes',
      collection: name,
      source_kind: 'text',
      metadata: { grade: 7 },
      sha256: sha256(text),
      error: null,
      indexed_at: null,
    });
    const ready = await waitForDocument(app, admin, name, accepted.body.id, sha256(text));
    expect(ready.chunks_total).toBe(PARAGRAPHS.length);
    expect(ready.chunks_done).toBe(PARAGRAPHS.length);
    expect((await embeddedTexts(app)) - before).toBe(PARAGRAPHS.length);
    const chunks = await chunkRows(accepted.body.id);
    expect(chunks.map((c) => c.content)).toEqual(PARAGRAPHS);
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/parley_rag_documents\{status="ready"\} [1-9]/);
    expect(metrics.text).toMatch(/parley_rag_ingest_chunks\{state="total"\} \d+/);
    const list = await http().get(docs).set(admin.auth).expect(200);
    expect((list.body.data as { id: string }[]).map((d) => d.id)).toContain(accepted.body.id);
    // The admin surface does not exist for others.
    await http().get(docs).set(user.auth).expect(404);
  });

  it('re-ingests unchanged content without embedding, and changed content by difference', async () => {
    const text = PARAGRAPHS.join('\n\n');
    const doc = await ingestDocument(app, admin, name, { title: 'Again', text });
    const first = await chunkRows(doc.id);
    const collectionBefore = await generation();

    const before = await embeddedTexts(app);
    await ingestDocument(app, admin, name, { title: 'Again', text, metadata: { v: 2 } }, doc.id);
    expect(await embeddedTexts(app)).toBe(before);
    expect((await chunkRows(doc.id)).map((c) => c.id)).toEqual(first.map((c) => c.id));

    const changed = [...PARAGRAPHS];
    changed[2] = 'Pumice is a frothy volcanic rock so light that it can float on water.';
    await ingestDocument(app, admin, name, { title: 'Again', text: changed.join('\n\n') }, doc.id);
    expect((await embeddedTexts(app)) - before).toBe(1);
    const second = await chunkRows(doc.id);
    expect(second.map((c) => c.content)).toEqual(changed);
    // Three chunks kept their rows (and vectors); only the changed one is new.
    expect(second.filter((c) => first.some((f) => f.id === c.id))).toHaveLength(3);
    expect(await generation()).toBeGreaterThan(collectionBefore);
  });

  it('keeps the previous version searchable when embedding the new one fails', async () => {
    const doc = await ingestDocument(app, admin, name, {
      title: 'Geysers',
      text: 'Geysers spout hot water and steam from underground chambers heated by magma.',
    });
    process.env.PARLEY_TEST_EMBED_FAIL_ON = 'EMBED-FAILS';
    const text = 'Geysers EMBED-FAILS are rare.';
    try {
      await http()
        .put(`${docs}/${doc.id}`)
        .set(admin.auth)
        .send({ title: 'Geysers', text })
        .expect(202);
      const queue = app.get(QueueService);
      const failed = await waitUntil(
        async () => {
          await queue.promoteDelayed();
          const res = await http().get(`${docs}/${doc.id}`).set(admin.auth).expect(200);
          return res.body.status === 'failed' ? res.body : undefined;
        },
        { what: 'the ingest to fail for good', timeoutMs: 30_000 },
      );
      expect(failed).toMatchObject({
        sha256: sha256(text),
        error: expect.stringContaining('unavailable'),
      });
    } finally {
      delete process.env.PARLEY_TEST_EMBED_FAIL_ON;
    }
    const found = await http()
      .post('/v1/rag/search')
      .set(user.auth)
      .send({ query: 'geysers spout steam', k: 1, collection: name })
      .expect(200);
    expect(found.body.data[0]).toMatchObject({
      document_id: doc.id,
      content: expect.stringContaining('underground chambers'),
    });
  });

  it('refuses bad searches with 400 problems', async () => {
    for (const body of [
      {},
      { query: 'x', k: 0 },
      { query: 'x', k: 51 },
      { query: 'x', k: 1.5 },
      { query: '', k: 1 },
      { query: 'x', k: 1, mode: 'semantic' },
      { query: 'x', k: 1, filter: { 'bad key': 1 } },
      { query: 'x', k: 1, filter: { n: { lt: true } } },
      { query: 'x', k: 1, filter: { n: { in: [] } } },
      { query: 'x', k: 1, filter: [1] },
      { query: 'x', k: 1, score_threshold: 2 },
      { query: 'x', k: 1, unknown: true },
    ]) {
      const res = await http().post('/v1/rag/search').set(user.auth).send(body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toEqual({
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    await http()
      .post('/v1/rag/search')
      .set(user.auth)
      .send({ query: 'x', k: 1, collection: 'no_such_collection' })
      .expect(404);
  });

  it("gates a minor's search on consent in the service, not only by session scope", async () => {
    const teen = await startTeen(app);
    await expect(
      app.get(SearchService).search(
        {
          userId: teen.id,
          sessionId: teen.tokens.session.id,
          scope: SessionScope.Full,
          roles: [],
          accountType: 'guest' as never,
          jti: 'test',
          exp: 0,
        },
        { query: 'lava', k: 1 },
      ),
    ).rejects.toMatchObject({ code: 'consent-required' });
  });

  it('deletes a document and then the collection, answering receipts of what went', async () => {
    const doc = await ingestDocument(app, admin, name, {
      title: 'Short-lived',
      text: PARAGRAPHS.slice(0, 2).join('\n\n'),
    });
    const receipt = await http().delete(`${docs}/${doc.id}`).set(admin.auth).expect(200);
    expect(receipt.body).toEqual({ removed: { collections: 0, documents: 1, chunks: 2 } });
    await http().get(`${docs}/${doc.id}`).set(admin.auth).expect(404);
    await http().delete(`${docs}/${doc.id}`).set(admin.auth).expect(404);

    const [{ documents, chunks }] = (await app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM rag.documents d JOIN rag.collections c ON c.id = d.collection_id
                WHERE c.name = $1)::int AS documents,
              (SELECT count(*) FROM rag.chunks k JOIN rag.collections c ON c.id = k.collection_id
                WHERE c.name = $1)::int AS chunks`,
      [name],
    )) as { documents: number; chunks: number }[];
    await http().delete(`/v1/rag/collections/${name}`).set(user.auth).expect(404);
    const gone = await http().delete(`/v1/rag/collections/${name}`).set(admin.auth).expect(200);
    expect(gone.body).toEqual({ removed: { collections: 1, documents, chunks } });
    expect(documents).toBeGreaterThan(0);
    await http().delete(`/v1/rag/collections/${name}`).set(admin.auth).expect(404);
    await http().get(docs).set(admin.auth).expect(404);
  });

  async function generation(): Promise<number> {
    const res = await http().get('/v1/rag/collections?limit=100').set(admin.auth).expect(200);
    return (res.body.data as { name: string; generation: number }[]).find((c) => c.name === name)!
      .generation;
  }
});
