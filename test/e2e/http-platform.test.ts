import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { startTestApp, testConfig } from '../support/app.js';
import { ProbeModule } from '../support/probe.module.js';

const PROBLEM = /^application\/problem\+json/;

describe('HTTP platform through the real application', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { JSON_BODY_LIMIT: '2kb' }), [ProbeModule]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const http = () => request(app.getHttpServer());

  it('answers an unknown route with a 404 problem', async () => {
    const res = await http().get('/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      status: 404,
      title: 'No such route',
      code: 'route-not-found',
      instance: '/v1/no-such-thing',
    });
    expect(res.body.type).toMatch(/^https:\/\//);
    expect(typeof res.body.detail).toBe('string');
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await http()
      .post('/v1/test-probe/echo')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 400, code: 'malformed-json' });
  });

  it('answers an oversized body with a 413 problem', async () => {
    const res = await http()
      .post('/v1/test-probe/echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.io', count: 1, pad: 'x'.repeat(4096) }))
      .expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 413, code: 'payload-too-large' });
  });

  it('lists every invalid and unknown field in a 400 validation problem', async () => {
    const res = await http()
      .post('/v1/test-probe/echo')
      .send({ email: 'nope', count: 11, nested: { label: 'too long' }, admin: true })
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation-failed');
    const fields = (res.body.errors as { field: string; message: string }[])
      .map((e) => e.field)
      .sort();
    expect(fields).toEqual(['admin', 'count', 'email', 'nested.label']);
  });

  it('passes a valid body through the validation pipe', async () => {
    const body = { email: 'a@b.io', count: 3, nested: { label: 'ok' } };
    await http().post('/v1/test-probe/echo').send(body).expect(201, body);
  });

  it('hides an unexpected error behind a generic 500 problem with a request id', async () => {
    const res = await http()
      .get('/v1/test-probe/boom')
      .set('X-Request-Id', 'trace-123')
      .expect(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      status: 500,
      code: 'internal-error',
      request_id: 'trace-123',
    });
    expect(JSON.stringify(res.body)).not.toContain('must not leak');
    expect(res.headers['x-request-id']).toBe('trace-123');
  });

  it('maps domain errors through the one filter', async () => {
    const res = await http().get('/v1/test-probe/conflict').expect(409);
    expect(res.body).toMatchObject({ status: 409, detail: 'already there', code: 'conflict' });
  });

  it('pages with opaque cursors and bounded limits', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http()
        .get('/v1/test-probe/items')
        .query({ limit: 20, ...(cursor ? { after: cursor } : {}) })
        .expect(200);
      seen.push(...(res.body.data as { n: number }[]).map((i) => i.n));
      cursor = res.body.next_cursor as string | null;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    await http().get('/v1/test-probe/items').query({ limit: 101 }).expect(400);
    const bad = await http().get('/v1/test-probe/items').query({ after: 'forged' }).expect(400);
    expect(bad.body.code).toBe('invalid-cursor');
  });

  it('sets security headers and a request id on every answer', async () => {
    const res = await http().get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
