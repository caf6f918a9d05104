import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { TestUser } from '../factories/identity.js';

/**
 * What the owner of a resource sees of it: read before and after another user
 * writes to it, the two must be equal. Each owned kind (the @Access decorator)
 * with a write route has one; it reads through the read routes where there are
 * some, and compares rows where there are none.
 * `prepare` gives the resource something for writes to hit (a message to vote
 * on) and returns the path values that name it.
 */
export interface OwnerView {
  prepare?(app: INestApplication, owner: TestUser, ids: Ids): Promise<Ids>;
  read(app: INestApplication, owner: TestUser, ids: Ids): Promise<unknown>;
}

type Ids = Record<string, string>;

/** A message of the owner's, for the routes that name one. */
export const OWNED_MESSAGE_ID = 'owned-message';

/**
 * Bodies that would succeed if the caller owned the resource: a write refused
 * only for its body would prove nothing about who may write.
 */
export const VALID_BODIES: Record<string, object | ((req: request.Test) => request.Test)> = {
  'POST /v1/conversations/:id/artifacts': (req) =>
    req.attach('file', Buffer.from('planted artifact\n'), 'planted.txt'),
  'POST /v1/conversations/:id/artifacts/uploads': { sha256: 'ab'.repeat(32), size: 10 },
  'PATCH /v1/collectives/:id': { name: 'Taken over' },
  'PUT /v1/collectives/:id/parental-consent': { granted: true },
  'POST /v1/collectives/:id/invitations': {},
  'PATCH /v1/collectives/:id/members/:user_id': { role: 'admin' },
  'PATCH /v1/conversations/:id': { title: 'Taken over' },
  'PUT /v1/conversations/:id/config': { model: 'gpt-4o', temperature: 0.1 },
  'POST /v1/conversations/:id/sessions': {},
  'POST /v1/conversations/:id/messages': { message_id: 'planted', role: 'user', content: 'x' },
  'POST /v1/conversations/:id/messages/batch': {
    messages: [{ message_id: 'planted-batch', role: 'user', content: 'x' }],
  },
  'PUT /v1/conversations/:id/messages/:message/vote': { value: 'down' },
  'POST /v1/conversations/:id/streams': {},
  'POST /v1/streams/:id/chunks': { data: 'planted' },
  'POST /v1/streams/:id/complete': {},
  'POST /v1/conversations/:id/documents': { title: 'Planted', kind: 'text', content: 'planted' },
  'POST /v1/documents/:id/versions': { content: 'planted' },
  'POST /v1/documents/:id/suggestions': { original_text: 'owned', suggested_text: 'planted' },
  'PATCH /v1/suggestions/:id': { resolved: true, resolution: 'accepted' },
  'POST /v1/conversations/:id/charts': { title: 'Planted', spec: { mark: 'line' } },
};

const get = async (app: INestApplication, owner: TestUser, path: string) => {
  const res = await request(app.getHttpServer()).get(path).set(owner.auth);
  return { path, status: res.status, body: res.body as unknown };
};

const rows = (app: INestApplication, sql: string, params: unknown[]) =>
  app.get(DataSource).query(sql, params) as Promise<unknown[]>;

export const OWNER_VIEWS: Record<string, OwnerView> = {
  session: {
    read: async (app, owner, { id }) => ({
      // Activity times move on their own; what a stranger could change is whether it lives.
      list: await get(app, owner, '/v1/auth/sessions?limit=100').then(({ status, body }) => ({
        status,
        ids: (body as { data?: { id: string; scope: string }[] }).data?.map(
          (s) => `${s.id} ${s.scope}`,
        ),
      })),
      row: await rows(
        app,
        `SELECT scope, expires_at, revoked_at FROM app.app_sessions WHERE id = $1`,
        [id],
      ),
    }),
  },
  conversation: {
    prepare: async (app, owner, { id }) => {
      await request(app.getHttpServer())
        .post(`/v1/conversations/${id}/messages`)
        .set(owner.auth)
        .send({ message_id: OWNED_MESSAGE_ID, role: 'user', content: 'mine' })
        .expect(201);
      await request(app.getHttpServer())
        .put(`/v1/conversations/${id}/messages/${OWNED_MESSAGE_ID}/vote`)
        .set(owner.auth)
        .send({ value: 'up' })
        .expect(200);
      return { message: OWNED_MESSAGE_ID };
    },
    read: async (app, owner, { id }) => [
      await get(app, owner, `/v1/conversations/${id}`),
      await get(app, owner, `/v1/conversations/${id}/config`),
      await get(app, owner, `/v1/conversations/${id}/sessions?limit=100`),
      await get(app, owner, `/v1/conversations/${id}/messages?limit=100`),
      // Votes and streams have no read route of their own.
      await rows(
        app,
        `SELECT v.message_id, v.user_id, v.value, v.updated_at FROM app.message_votes v
           JOIN app.messages m ON m.id = v.message_id WHERE m.conversation_id = $1 ORDER BY 1, 2`,
        [id],
      ),
      await rows(app, `SELECT id, status FROM app.streams WHERE conversation_id = $1 ORDER BY id`, [
        id,
      ]),
      await get(app, owner, `/v1/conversations/${id}/artifacts?limit=100`),
      await rows(app, `SELECT id FROM app.artifact_uploads WHERE conversation_id = $1`, [id]),
      await get(app, owner, `/v1/conversations/${id}/documents?limit=100`),
      await get(app, owner, `/v1/conversations/${id}/charts?limit=100`),
    ],
  },
  artifact: {
    read: async (app, owner, { id }) => get(app, owner, `/v1/artifacts/${id}`),
  },
  document: {
    read: async (app, owner, { id }) => [
      await get(app, owner, `/v1/documents/${id}`),
      await get(app, owner, `/v1/documents/${id}/versions?limit=100`),
      await get(app, owner, `/v1/documents/${id}/suggestions?limit=100`),
    ],
  },
  suggestion: {
    // No read route of its own: the row, resolution included.
    read: (app, _owner, { id }) =>
      rows(
        app,
        `SELECT id, resolved, resolution, resolved_at FROM app.document_suggestions WHERE id = $1`,
        [id],
      ),
  },
  chart: {
    read: async (app, owner, { id }) => get(app, owner, `/v1/charts/${id}`),
  },
  'artifact-upload': {
    // No read route: a completion by someone else would remove the pending row.
    read: (app, _owner, { id }) =>
      rows(app, `SELECT id, sha256, size FROM app.artifact_uploads WHERE id = $1`, [id]),
  },
  stream: {
    read: async (app, owner, { id }) => {
      // The stream is completed, so its event stream replays everything and ends.
      const res = await request(app.getHttpServer())
        .get(`/v1/streams/${id}/events`)
        .set(owner.auth)
        .buffer(true)
        .parse((stream, done) => {
          let text = '';
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => (text += chunk));
          stream.on('end', () => done(null, text));
        });
      const events = (res.body as string)
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith(':'));
      return {
        status: res.status,
        events,
        row: await rows(app, `SELECT status, completed_at FROM app.streams WHERE id = $1`, [id]),
      };
    },
  },
  collective: {
    read: async (app, owner, { id }) => [
      await get(app, owner, `/v1/collectives/${id}`),
      await get(app, owner, `/v1/collectives/${id}/members?limit=100`),
      await get(app, owner, `/v1/collectives/${id}/invitations?limit=100`),
    ],
  },
  child: {
    read: (app, owner) => get(app, owner, '/v1/consent/children?limit=100'),
  },
};
