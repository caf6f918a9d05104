import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import { MAX_JSON_DEPTH } from '../../src/platform/http/input-rules.js';
import { createCollective, makeParent } from '../factories/collectives.js';
import { createConversation } from '../factories/conversations.js';
import { startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir } from '../support/app.js';

const PROBLEM = /^application\/problem\+json/;

/** The global input rules hold on the embedded default too (PGlite, no Redis). */
describe('input hardening in embedded mode', () => {
  const dataDir = tempDir('parley-embedded-input-');
  let app: NestExpressApplication;
  let alice: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(
      loadConfig({
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.PARLEY_TEST_LOG_LEVEL ?? 'silent',
      }),
    );
    alice = await startFullGuest(app);
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses every malformed input with a 4xx problem and stores none of it', async () => {
    const conversationId = await createConversation(app, alice);
    const parent = await makeParent(app, await startFullGuest(app));
    const family = await createCollective(app, parent);
    const cases: [string, () => request.Test, number, string][] = [
      [
        'deep nesting',
        () =>
          http()
            .post('/v1/auth/login')
            .set('Content-Type', 'application/json')
            .send(`{"email":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
        400,
        'nesting-too-deep',
      ],
      [
        'a NUL in a JSON value',
        () =>
          http()
            .post(`/v1/conversations/${conversationId}/messages`)
            .set(alice.auth)
            .send({ message_id: 'n1', role: 'user', content: 'x', metadata: { k: '\u0000' } }),
        400,
        'metadata.k',
      ],
      [
        'a NUL in a memory value',
        () => http().put('/v1/memory/items/notes/k').set(alice.auth).send({ value: 'a\u0000' }),
        400,
        'value',
      ],
      [
        'a lone surrogate',
        () => http().post('/v1/auth/password/forgot').send({ email: '\ud800@example.test' }),
        400,
        'email',
      ],
      [
        'a prototype key',
        () =>
          http()
            .post('/v1/conversations')
            .set(alice.auth)
            .set('Content-Type', 'application/json')
            .send('{"constructor":{}}'),
        400,
        'constructor',
      ],
      [
        'null on a NOT NULL field',
        () =>
          http().patch(`/v1/conversations/${conversationId}`).set(alice.auth).send({ type: null }),
        400,
        'type',
      ],
      [
        'null parental consent',
        () =>
          http()
            .put(`/v1/collectives/${family}/parental-consent`)
            .set(parent.auth)
            .send({ granted: null }),
        400,
        'granted',
      ],
      [
        'a forged cursor',
        () =>
          http()
            .get('/v1/auth/sessions')
            .query({ after: Buffer.from('[null,null]').toString('base64url') })
            .set(alice.auth),
        400,
        'invalid-cursor',
      ],
      [
        'a hexadecimal limit',
        () => http().get('/v1/conversations?limit=0x10').set(alice.auth),
        400,
        'limit',
      ],
      [
        'a form body',
        () =>
          http().post('/v1/conversations').set(alice.auth).type('form').send('visibility=public'),
        415,
        'unsupported-media-type',
      ],
      ['a route outside /v1', () => http().get('//v1//me'), 404, 'route-not-found'],
    ];
    for (const [label, send, status, what] of cases) {
      const res = await send();
      const fields = ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
      expect({ label, status: res.status, type: res.headers['content-type'] }).toEqual({
        label,
        status,
        type: expect.stringMatching(PROBLEM),
      });
      expect({ label, what: fields.includes(what) || res.body.code === what }).toEqual({
        label,
        what: true,
      });
    }
    const consent = await http().get(`/v1/collectives/${family}`).set(parent.auth).expect(200);
    expect(consent.body.parental_consent_granted).toBe(false);
    const conversations = await http().get('/v1/conversations').set(alice.auth).expect(200);
    expect(conversations.body.data).toHaveLength(1);
    expect(conversations.body.data[0]).toMatchObject({ type: 'general', visibility: 'private' });
    await http().get('/v1/memory/items/notes/k').set(alice.auth).expect(404);
    // Right at the bound is still fine.
    let metadata = '{}';
    for (let level = 2; level < MAX_JSON_DEPTH; level++) metadata = `{"a":${metadata}}`;
    await http()
      .post('/v1/conversations')
      .set(alice.auth)
      .set('Content-Type', 'application/json')
      .send(`{"metadata":${metadata}}`)
      .expect(201);
  });

  it('treats LIKE wildcards in a memory prefix as plain characters', async () => {
    for (const ns of ['abc.d', 'a_c.d']) {
      await http().put(`/v1/memory/items/${ns}/k`).set(alice.auth).send({ value: ns }).expect(201);
    }
    const listed = await http().get('/v1/memory/items?prefix=a_c').set(alice.auth).expect(200);
    expect((listed.body.data as { namespace: string }[]).map((i) => i.namespace)).toEqual([
      'a_c.d',
    ]);
  });
});
