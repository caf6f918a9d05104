import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createCollective, makeParent, startTeen } from '../factories/collectives.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { startFullGuest, startGuest, type TestUser } from '../factories/identity.js';
import { MAX_JSON_DEPTH } from '../../src/platform/http/input-rules.js';
import { startTestApp, testConfig } from '../support/app.js';

const PROBLEM = /^application\/problem\+json/;
const NUL = '\u0000';
const LONE = '\ud800';

/** `{"a":{"a":…}}` of `depth` objects, the outermost included. */
function nestedObject(depth: number): string {
  return '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
}

function cursorOf(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The fields a validation problem names, each once. */
function fieldsOf(res: request.Response): string[] {
  return [...new Set(((res.body.errors ?? []) as { field: string }[]).map((e) => e.field))];
}

describe('input hardening through the real HTTP stack', () => {
  let app: NestExpressApplication;
  let alice: TestUser;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    alice = await startFullGuest(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  function expectProblem(res: request.Response, status: number, code?: string): void {
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status,
      type: expect.stringMatching(PROBLEM),
    });
    if (code) expect(res.body.code).toBe(code);
  }

  it('bounds JSON nesting before anything walks the body, on every JSON route', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const login = await api()
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(`{"email":"a@example.test","password":${deep}}`);
    expectProblem(login, 400, 'nesting-too-deep');
    const create = await api()
      .post('/v1/conversations')
      .set(alice.auth)
      .set('Content-Type', 'application/json')
      .send(`{"metadata":${nestedObject(10_000)}}`);
    expectProblem(create, 400, 'nesting-too-deep');
    const over = await api()
      .post('/v1/conversations')
      .set(alice.auth)
      .set('Content-Type', 'application/json')
      .send(`{"metadata":${nestedObject(MAX_JSON_DEPTH)}}`);
    expectProblem(over, 400, 'nesting-too-deep');
    // The body itself is the first level: metadata may go one level less deep.
    await api()
      .post('/v1/conversations')
      .set(alice.auth)
      .set('Content-Type', 'application/json')
      .send(`{"metadata":${nestedObject(MAX_JSON_DEPTH - 1)}}`)
      .expect(201);
  });

  it('refuses a NUL in any stored value with 400 naming the field, and writes nothing', async () => {
    const user = await startFullGuest(app);
    const conversationId = await createConversation(app, user);
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'metadata',
        { role: 'user', message_id: 'm1', content: 'x', metadata: { k: `a${NUL}` } },
        'metadata.k',
      ],
      [
        'parts',
        { role: 'user', message_id: 'm1', content: 'x', parts: [{ type: 'text', text: NUL }] },
        'parts.0.text',
      ],
      [
        'tool_input',
        { role: 'tool', message_id: 'm1', content: 'x', tool_input: { q: NUL } },
        'tool_input.q',
      ],
      [
        'tool_output',
        { role: 'tool', message_id: 'm1', content: 'x', tool_output: NUL },
        'tool_output',
      ],
      [
        'context',
        { role: 'user', message_id: 'm1', content: 'x', context: { chapter: NUL } },
        'context.chapter',
      ],
      [
        'citations',
        { role: 'user', message_id: 'm1', content: 'x', citations: [{ url: NUL }] },
        'citations.0.url',
      ],
      ['content', { role: 'user', message_id: 'm1', content: `hi${NUL}` }, 'content'],
      [
        'a key',
        { role: 'user', message_id: 'm1', content: 'x', metadata: { [`k${NUL}`]: 1 } },
        `metadata.k${NUL}`,
      ],
    ];
    for (const [label, body, field] of cases) {
      const res = await api()
        .post(`/v1/conversations/${conversationId}/messages`)
        .set(user.auth)
        .send(body);
      expectProblem(res, 400, 'validation-failed');
      expect({ label, fields: fieldsOf(res) }).toEqual({ label, fields: [field] });
    }
    const history = await api()
      .get(`/v1/conversations/${conversationId}/messages`)
      .set(user.auth)
      .expect(200);
    expect(history.body.data).toEqual([]);

    const memory = await api()
      .put('/v1/memory/items/notes/k1')
      .set(user.auth)
      .send({ value: { text: `x${NUL}` } });
    expectProblem(memory, 400, 'validation-failed');
    expect(fieldsOf(memory)).toEqual(['value.text']);
    await api().get('/v1/memory/items/notes/k1').set(user.auth).expect(404);

    const summary = await api()
      .post('/v1/memory/summaries')
      .set(user.auth)
      .send({ conversation_id: conversationId, summary: `s${NUL}` });
    expectProblem(summary, 400, 'validation-failed');
    expect(fieldsOf(summary)).toEqual(['summary']);

    const title = await api()
      .patch(`/v1/conversations/${conversationId}`)
      .set(user.auth)
      .send({ title: `t${NUL}` });
    expectProblem(title, 400, 'validation-failed');
    expect(fieldsOf(title)).toEqual(['title']);

    const query = await api().get('/v1/conversations').query({ q: NUL }).set(user.auth);
    expectProblem(query, 400, 'validation-failed');
    expect(fieldsOf(query)).toEqual(['q']);
  });

  it('refuses lone UTF-16 surrogates in every field with 400', async () => {
    const email = `${LONE}x@example.test`;
    const register = await api()
      .post('/v1/auth/register')
      .send({ email, password: 'long enough password' });
    expectProblem(register, 400, 'validation-failed');
    expect(fieldsOf(register)).toEqual(['email']);

    const guest = await startGuest(app);
    const upgrade = await api()
      .post('/v1/auth/upgrade')
      .set(guest.auth)
      .send({ email, password: 'long enough password' });
    expectProblem(upgrade, 400, 'validation-failed');
    expect(fieldsOf(upgrade)).toEqual(['email']);

    const forgot = await api().post('/v1/auth/password/forgot').send({ email });
    expectProblem(forgot, 400, 'validation-failed');
    expect(fieldsOf(forgot)).toEqual(['email']);

    const teen = await startTeen(app);
    const parental = await api()
      .post('/v1/consent/parental-requests')
      .set(teen.auth)
      .send({ parent_email: email });
    expectProblem(parental, 400, 'validation-failed');
    expect(fieldsOf(parental)).toEqual(['parent_email']);

    // A trailing low surrogate alone, deep in free-form JSON, is just as ill-formed.
    const deep = await api()
      .post('/v1/conversations')
      .set(alice.auth)
      .send({ metadata: { list: ['ok', `\udc00`] } });
    expectProblem(deep, 400, 'validation-failed');
    expect(fieldsOf(deep)).toEqual(['metadata.list.1']);
    // A well-formed pair (an emoji) is fine.
    await api()
      .post('/v1/conversations')
      .set(alice.auth)
      .send({ title: '\ud83d\ude00' })
      .expect(201);
  });

  it('answers 400 to constructor, __proto__ and prototype keys as unknown fields', async () => {
    for (const body of [
      '{"constructor":{"name":"x"}}',
      '{"__proto__":{"visibility":"public"}}',
      '{"prototype":1}',
      '{"metadata":{"__proto__":{"polluted":true}}}',
    ]) {
      const res = await api()
        .post('/v1/conversations')
        .set(alice.auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expectProblem(res, 400, 'validation-failed');
      const field = Object.keys(JSON.parse(body) as object)[0]!;
      const expected = field === 'metadata' ? 'metadata.__proto__' : field;
      expect(res.body.errors).toEqual([
        { field: expected, message: `${expected} is not an allowed field` },
      ]);
    }
  });

  it('answers 400 to null on non-nullable PATCH fields, and keeps the row', async () => {
    const conversationId = await createConversation(app, alice, { metadata: { keep: 1 } });
    for (const field of ['type', 'visibility', 'metadata', 'archived']) {
      const res = await api()
        .patch(`/v1/conversations/${conversationId}`)
        .set(alice.auth)
        .send({ [field]: null });
      expectProblem(res, 400, 'validation-failed');
      expect(fieldsOf(res)).toEqual([field]);
    }
    // Documented nullable fields still clear.
    const cleared = await api()
      .patch(`/v1/conversations/${conversationId}`)
      .set(alice.auth)
      .send({ title: null, persona: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ title: null, type: 'general', metadata: { keep: 1 } });

    const owner = await startFullGuest(app);
    const collectiveId = await createCollective(app, owner, { type: 'organization' });
    const name = await api()
      .patch(`/v1/collectives/${collectiveId}`)
      .set(owner.auth)
      .send({ name: null });
    expectProblem(name, 400, 'validation-failed');
    expect(fieldsOf(name)).toEqual(['name']);
    const role = await api()
      .patch(`/v1/collectives/${collectiveId}/members/${owner.id}`)
      .set(owner.auth)
      .send({ role: null });
    expectProblem(role, 400, 'validation-failed');
    expect(fieldsOf(role)).toEqual(['role']);
    const after = await api().get(`/v1/collectives/${collectiveId}`).set(owner.auth).expect(200);
    expect(after.body).toMatchObject({ name: 'The Testers', my_role: 'owner' });
  });

  it('refuses every non-boolean parental consent and leaves the consent as it was', async () => {
    const parent = await makeParent(app, await startFullGuest(app));
    const family = await createCollective(app, parent);
    const consent = async () =>
      (await api().get(`/v1/collectives/${family}`).set(parent.auth).expect(200)).body
        .parental_consent_granted as boolean;
    await api()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(parent.auth)
      .send({ granted: false })
      .expect(200);
    for (const granted of [null, 'false', 0, 'true', 1, [], {}]) {
      const res = await api()
        .put(`/v1/collectives/${family}/parental-consent`)
        .set(parent.auth)
        .send({ granted });
      expectProblem(res, 400, 'validation-failed');
      expect({ granted, fields: fieldsOf(res) }).toEqual({ granted, fields: ['granted'] });
      expect(await consent()).toBe(false);
    }
    await api()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(parent.auth)
      .send({ granted: true })
      .expect(200);
    for (const granted of [null, 'false', 0]) {
      await api()
        .put(`/v1/collectives/${family}/parental-consent`)
        .set(parent.auth)
        .send({ granted })
        .expect(400);
      expect(await consent()).toBe(true);
    }
  });

  it('treats LIKE wildcards in memory prefixes and title filters as plain characters', async () => {
    const user = await startFullGuest(app);
    for (const ns of ['abc.d', 'a_c', 'a_c.d']) {
      await api().put(`/v1/memory/items/${ns}/k`).set(user.auth).send({ value: ns }).expect(201);
    }
    const listed = await api().get('/v1/memory/items?prefix=a_c').set(user.auth).expect(200);
    expect((listed.body.data as { namespace: string }[]).map((i) => i.namespace)).toEqual([
      'a_c',
      'a_c.d',
    ]);

    for (const title of ['100% sure', '1000 sure', 'a_b', 'axb', 'back\\slash', 'backslash']) {
      await createConversation(app, user, { title });
    }
    const titles = async (q: string) =>
      (
        (await api().get('/v1/conversations').query({ q }).set(user.auth).expect(200)).body
          .data as { title: string }[]
      ).map((c) => c.title);
    expect(await titles('100%')).toEqual(['100% sure']);
    expect(await titles('a_b')).toEqual(['a_b']);
    expect(await titles('k\\s')).toEqual(['back\\slash']);
  });

  it('refuses cursors it did not issue with 400 invalid-cursor', async () => {
    const user = await startFullGuest(app);
    const conversationId = await createConversation(app, user);
    await appendMessage(app, user, conversationId, { message_id: 'm1', content: 'hello world' });
    const uuid = '0190a5b4-0000-7000-8000-000000000000';
    const forged: [string, unknown[]][] = [
      ['/v1/auth/sessions', [null, null]],
      ['/v1/auth/sessions', ['2026-01-01', uuid]],
      ['/v1/auth/sessions', [new Date().toISOString(), 'not-a-uuid']],
      ['/v1/memory/items', ['a b', 'k']],
      ['/v1/memory/items', [1, 2]],
      ['/v1/collectives', [null]],
      ['/v1/conversations', ['activity', '2026-13-45 99:00:00+00', uuid]],
      ['/v1/conversations', ['activity', null, uuid]],
      [`/v1/conversations/${conversationId}/sessions`, ['session', 'x']],
      [`/v1/conversations/${conversationId}/messages`, ['message', null]],
      [`/v1/conversations/${conversationId}/messages`, ['leaf', -1]],
      ['/v1/search/messages?q=hello', ['rank', 'high', uuid]],
      ['/v1/consent/children', [uuid, uuid]],
    ];
    for (const [path, values] of forged) {
      const res = await api()
        .get(path)
        .query({ after: cursorOf(values) })
        .set(user.auth);
      expect({ path, values, status: res.status, code: res.body.code }).toEqual({
        path,
        values,
        status: 400,
        code: 'invalid-cursor',
      });
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
    // A real cursor with bytes appended is not the one the API issued either.
    await api().post(`/v1/conversations/${conversationId}/sessions`).set(user.auth).expect(201);
    await api().post(`/v1/conversations/${conversationId}/sessions`).set(user.auth).expect(201);
    const page = await api()
      .get(`/v1/conversations/${conversationId}/sessions?limit=1`)
      .set(user.auth)
      .expect(200);
    const issued = page.body.next_cursor as string;
    expect(issued).toEqual(expect.any(String));
    await api()
      .get(`/v1/conversations/${conversationId}/sessions`)
      .query({ after: issued })
      .set(user.auth)
      .expect(200);
    const tampered = await api()
      .get(`/v1/conversations/${conversationId}/sessions`)
      .query({ after: `${issued}!!` })
      .set(user.auth);
    expectProblem(tampered, 400, 'invalid-cursor');
  });

  it('answers problem+json 404 for unknown routes outside /v1', async () => {
    for (const path of ['/nope', '//v1//me', '/v2/me', '/health/nope']) {
      const res = await api().get(path);
      expectProblem(res, 404, 'route-not-found');
    }
  });

  it('answers problem+json 431 to request headers over the limit', async () => {
    const server = app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; type: string; body: string }>(
        (resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port,
              path: '/v1/me',
              headers: { 'X-Padding': 'x'.repeat(20_000) },
            },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => (body += chunk));
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  type: String(res.headers['content-type']),
                  body,
                }),
              );
            },
          );
          req.on('error', reject);
          req.end();
        },
      );
      expect(answer.status).toBe(431);
      expect(answer.type).toMatch(PROBLEM);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers-too-large' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('answers 415 to a non-JSON body on a JSON route; a request without a body is fine', async () => {
    const user = await startFullGuest(app);
    const form = await api()
      .post('/v1/conversations')
      .set(user.auth)
      .type('form')
      .send('visibility=public&title=x');
    expectProblem(form, 415, 'unsupported-media-type');
    const text = await api()
      .post('/v1/conversations')
      .set(user.auth)
      .set('Content-Type', 'text/plain')
      .send('{"visibility":"public"}');
    expectProblem(text, 415, 'unsupported-media-type');
    const anonymous = await api()
      .post('/v1/auth/login')
      .type('form')
      .send('email=a%40example.test&password=x');
    expectProblem(anonymous, 415, 'unsupported-media-type');
    const list = await api().get('/v1/conversations').set(user.auth).expect(200);
    expect(list.body.data).toEqual([]);
    // No body at all, whatever the headers say, and JSON variants stay fine.
    await api().post('/v1/auth/guest').expect(201);
    await api().post('/v1/auth/guest').set('Content-Type', 'text/plain').expect(201);
    await api()
      .post('/v1/conversations')
      .set(user.auth)
      .set('Content-Type', 'application/merge-patch+json')
      .send('{"title":"ok"}')
      .expect(201);
  });

  it('accepts only decimal integers in integer query parameters', async () => {
    for (const limit of ['0x10', '1e1', ' 5', '5 ', '+5', '5.0', '', '1_0']) {
      const res = await api().get('/v1/conversations').query({ limit }).set(alice.auth);
      expect({ limit, status: res.status }).toEqual({ limit, status: 400 });
      expect(fieldsOf(res)).toEqual(['limit']);
    }
    await api().get('/v1/conversations').query({ limit: '5' }).set(alice.auth).expect(200);
    const conversationId = await createConversation(app, alice);
    const opened = await api()
      .post(`/v1/conversations/${conversationId}/streams`)
      .set(alice.auth)
      .expect(201);
    const events = await api()
      .get(`/v1/streams/${opened.body.id as string}/events`)
      .query({ after: '0x1' })
      .set(alice.auth);
    expectProblem(events, 400, 'validation-failed');
    expect(fieldsOf(events)).toEqual(['after']);
  });

  it('refuses an Authorization header with anything after the bearer token', async () => {
    const token = alice.tokens.access_token;
    // Once through the full check, then the remembered verification: both refuse.
    for (let i = 0; i < 2; i++) {
      await api().get('/v1/me').set(alice.auth).expect(200);
      for (const header of [
        `Bearer ${token} junk`,
        `Bearer ${token} ${token}`,
        `Bearer ${token}\tx`,
      ]) {
        const res = await api().get('/v1/me').set('Authorization', header);
        expectProblem(res, 401, 'unauthorized');
      }
    }
  });
});
