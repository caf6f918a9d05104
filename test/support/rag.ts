import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import request from 'supertest';
import { Role } from '../../src/modules/users/entities/user.entity.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { TestUser } from '../factories/identity.js';
import { waitUntil } from './wait.js';

export async function makeAdmin(app: INestApplication, user: TestUser): Promise<TestUser> {
  await app.get(UsersService).grantRole(user.id, Role.Admin);
  return user;
}

export async function createRagCollection(
  app: INestApplication,
  admin: TestUser,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await request(app.getHttpServer())
    .post('/v1/rag/collections')
    .set(admin.auth)
    .send(body)
    .expect(201);
  return res.body as Record<string, unknown>;
}

/** Adds a document and waits until its ingest job made it searchable. */
export async function ingestDocument(
  app: INestApplication,
  admin: TestUser,
  collection: string,
  body: { title: string; text: string; metadata?: Record<string, unknown> },
  id?: string,
): Promise<Record<string, unknown> & { id: string }> {
  const http = request(app.getHttpServer());
  const path = `/v1/rag/collections/${collection}/documents`;
  const accepted = await (id ? http.put(`${path}/${id}`) : http.post(path))
    .set(admin.auth)
    .send(body)
    .expect(202);
  return waitForDocument(app, admin, collection, accepted.body.id as string, accepted.body.sha256);
}

export async function waitForDocument(
  app: INestApplication,
  admin: TestUser,
  collection: string,
  id: string,
  sha256: string,
  status: 'ready' | 'failed' = 'ready',
): Promise<Record<string, unknown> & { id: string }> {
  return waitUntil(
    async () => {
      const res = await request(app.getHttpServer())
        .get(`/v1/rag/collections/${collection}/documents/${id}`)
        .set(admin.auth)
        .expect(200);
      const doc = res.body as Record<string, unknown> & { id: string };
      return doc.status === status && doc.sha256 === sha256 && doc.indexed_at ? doc : undefined;
    },
    { what: `document ${id} ${status}`, timeoutMs: 30_000 },
  );
}

/** The embedder's text count from /metrics: how many texts ingest has embedded so far. */
export async function embeddedTexts(app: INestApplication): Promise<number> {
  const res = await request(app.getHttpServer()).get('/metrics').expect(200);
  const line = /^parley_rag_embedded_texts_total\{[^}]*\} (\d+)/m.exec(res.text);
  return line ? Number(line[1]) : 0;
}

/** The vector mode a server-mode app in `auto` runs in: pgvector where the extension is available. */
export async function serverVectorMode(): Promise<'pgvector' | 'exact-scan'> {
  const client = new pg.Client({ connectionString: process.env.PARLEY_TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS available`,
    );
    return rows[0].available ? 'pgvector' : 'exact-scan';
  } finally {
    await client.end();
  }
}
