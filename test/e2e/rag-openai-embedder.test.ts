import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { LocalEmbedder } from '../../src/modules/rag/embedding/local-embedder.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { createRagCollection, ingestDocument, makeAdmin } from '../support/rag.js';

const KEY = `sk-${randomBytes(8).toString('hex')}`;
const DIMS = 64;

describe('RAG through an OpenAI-compatible embeddings endpoint (EMBEDDINGS_URL)', () => {
  let server: Server;
  let app: NestExpressApplication;
  let admin: TestUser;
  let adult: TestUser;
  const calls: { auth?: string; model: string; input: string[] }[] = [];
  const name = `oai_${randomBytes(3).toString('hex')}`;
  // The endpoint's "model": deterministic vectors of the size asked for.
  const model = new LocalEmbedder(DIMS);

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as { model: string; input: string[] };
        calls.push({ auth: req.headers.authorization, ...body });
        if (req.url !== '/v1/embeddings') {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            model: body.model,
            data: body.input.map((t, index) => ({
              object: 'embedding',
              index,
              embedding: model.vector(t),
            })),
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    app = await startTestApp(
      testConfig('server', {
        RUN_PROCESSORS: 'true',
        EMBEDDINGS_URL: `http://127.0.0.1:${port}/v1`,
        EMBEDDINGS_MODEL: 'test-embedding-64',
        EMBEDDINGS_API_KEY: KEY,
        EMBEDDINGS_DIMENSIONS: String(DIMS),
      }),
    );
    admin = await makeAdmin(app, await startFullGuest(app));
    adult = await startFullGuest(app);
  });

  afterAll(async () => {
    await app?.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('embeds ingest and queries through the endpoint, and a repeated query not at all', async () => {
    const collection = await createRagCollection(app, admin, { name, audience: 'parent' });
    expect(collection).toMatchObject({
      embedding: { provider: 'openai', model: 'test-embedding-64', dimensions: DIMS },
    });
    await ingestDocument(app, admin, name, {
      title: 'Volcanoes',
      text: 'Magma rises beneath a volcano and erupts onto the surface as lava.',
    });
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.auth === `Bearer ${KEY}` && c.model === 'test-embedding-64')).toBe(
      true,
    );
    const search = () =>
      request(app.getHttpServer())
        .post('/v1/rag/search')
        .set(adult.auth)
        .send({ query: 'where does lava come from', k: 1, collection: name })
        .expect(200);
    const first = await search();
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.body.data[0].content).toContain('volcano');
    const seen = calls.length;
    const again = await search();
    expect(again.headers['x-cache']).toBe('embedding-hit');
    expect(calls.length).toBe(seen);
  });
});
