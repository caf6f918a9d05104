import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { createRagCollection, makeAdmin, waitForDocument } from '../support/rag.js';

const MARKDOWN = `# Volcanoes

Magma rises through the crust and erupts as **lava**.

- Basalt forms when lava cools quickly.
- Ash clouds can travel around the planet.
`;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000a49444154789c6300010000050001',
  'hex',
);

describe('RAG documents uploaded as files (multipart, streamed, sniffed)', () => {
  let app: NestExpressApplication;
  let admin: TestUser;
  let user: TestUser;
  const name = `up_${randomBytes(4).toString('hex')}`;
  const docs = `/v1/rag/collections/${name}/documents`;
  const http = () => request(app.getHttpServer());
  const documentCount = async () =>
    (
      (await app.get(DataSource).query(
        `SELECT count(*)::int AS n FROM rag.documents d JOIN rag.collections c
              ON c.id = d.collection_id WHERE c.name = $1`,
        [name],
      )) as { n: number }[]
    )[0]!.n;

  beforeAll(async () => {
    app = await startTestApp(
      testConfig('server', { RUN_PROCESSORS: 'true', RAG_UPLOAD_MAX_BYTES: '64kb' }),
    );
    admin = await makeAdmin(app, await startFullGuest(app));
    user = await startFullGuest(app);
    await createRagCollection(app, admin, { name, audience: 'parent' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('takes a Markdown file with title and metadata, chunks it and makes it searchable', async () => {
    const accepted = await http()
      .post(docs)
      .set(admin.auth)
      .field('title', 'Volcano notes')
      .field('metadata', JSON.stringify({ source: 'upload' }))
      .attach('file', Buffer.from(MARKDOWN), 'volcanoes.md')
      .expect(202);
    expect(accepted.body).toMatchObject({
      title: 'Volcano notes',
      source_kind: 'file',
      metadata: { source: 'upload' },
      sha256: createHash('sha256').update(MARKDOWN).digest('hex'),
    });
    await waitForDocument(app, admin, name, accepted.body.id, accepted.body.sha256);
    const res = await http()
      .post('/v1/rag/search')
      .set(user.auth)
      .send({ query: 'lava basalt', k: 1, collection: name })
      .expect(200);
    expect(res.body.data[0]).toMatchObject({
      document_id: accepted.body.id,
      title: 'Volcano notes',
      metadata: { source: 'upload' },
    });
  });

  it('titles a plain text file by its name when no title is given', async () => {
    const accepted = await http()
      .post(docs)
      .set(admin.auth)
      .attach('file', Buffer.from('Plain notes about glaciers and ice.\n'), 'glaciers.txt')
      .expect(202);
    expect(accepted.body).toMatchObject({ title: 'glaciers.txt', source_kind: 'file' });
  });

  it('refuses what is not UTF-8 text or Markdown (415), too large (413) or malformed (400), keeping nothing', async () => {
    const before = await documentCount();
    const refusals: [Buffer, string, number][] = [
      [PNG, 'image.png', 415],
      [Buffer.from('<!doctype html><html><body><script>x()</script></body></html>'), 'a.md', 415],
      [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.txt', 415],
      // Text at first, then bytes that are not UTF-8 past what the sniffer samples.
      [Buffer.concat([Buffer.alloc(20_000, 'a'), Buffer.from([0xff, 0xfe, 0x00])]), 'x.txt', 415],
      [Buffer.alloc(70 * 1024, 'lava '), 'big.txt', 413],
      [Buffer.from('   \n'), 'blank.txt', 400],
    ];
    for (const [bytes, filename, status] of refusals) {
      const res = await http()
        .post(docs)
        .set(admin.auth)
        .attach('file', bytes, filename)
        .expect(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    for (const [field, value] of [
      ['metadata', '[1, 2]'],
      ['metadata', 'not json'],
      ['title', ''],
      ['other', 'x'],
    ] as const) {
      await http()
        .post(docs)
        .set(admin.auth)
        .field(field, value)
        .attach('file', Buffer.from('Some text.'), 'a.txt')
        .expect(400);
    }
    await http()
      .post(docs)
      .set(admin.auth)
      .set('Content-Type', 'text/plain')
      .send('just text')
      .expect(415);
    expect(await documentCount()).toBe(before);
  });

  it('answers 404 to non-admins and for a missing collection, before reading the file', async () => {
    await http()
      .post(docs)
      .set(user.auth)
      .attach('file', Buffer.from('Some text.'), 'a.txt')
      .expect(404);
    await http()
      .post('/v1/rag/collections/no_such_collection/documents')
      .set(admin.auth)
      .attach('file', Buffer.from('Some text.'), 'a.txt')
      .expect(404);
  });
});
