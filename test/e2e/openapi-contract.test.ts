import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { tempDir } from '../support/app.js';
import { OpenApiContract, type ObservedResponse } from '../support/openapi-contract.js';
import { ContractViolation, outsideContract } from '../support/supertest-contract.js';

/** A small document that uses what Parley's does, and what it will (allOf, 3.0 bounds). */
const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/things/{id}': {
      get: {
        operationId: 'Things_get',
        responses: {
          '200': {
            description: '',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
      delete: { operationId: 'Things_delete', responses: { '204': { description: '' } } },
    },
    '/v1/things/mine': {
      get: {
        operationId: 'Things_mine',
        responses: {
          '200': {
            description: '',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    { $ref: '#/components/schemas/Thing' },
                    {
                      type: 'object',
                      properties: { rank: { type: 'integer', minimum: 0, exclusiveMinimum: true } },
                    },
                  ],
                },
              },
            },
          },
        },
      },
    },
    '/v1/files/{id}': {
      get: {
        operationId: 'Files_get',
        responses: { '200': { description: '', content: { 'application/octet-stream': {} } } },
      },
    },
    '/v1/downloads/{id}': {
      get: {
        operationId: 'Downloads_get',
        responses: {
          '200': {
            description: '',
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    '/v1/events': {
      get: {
        operationId: 'Events_get',
        responses: {
          '200': {
            description: '',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
        },
      },
    },
  },
  components: {
    responses: {
      Problem: {
        description: '',
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
    },
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          created_at: { type: 'string', format: 'date-time' },
          archived_at: { type: 'string', format: 'date-time', nullable: true },
          kind: { type: 'string', enum: ['a', 'b'], nullable: true },
          owner: { $ref: '#/components/schemas/Owner' },
          tags: { type: 'array', items: { type: 'string' } },
          metadata: { type: 'object', additionalProperties: true },
          secret: { type: 'string', writeOnly: true },
        },
        required: ['id', 'created_at', 'archived_at', 'owner', 'secret'],
      },
      Owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      Problem: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
        },
        required: ['type', 'title', 'status'],
      },
    },
  },
};

const thing = {
  id: '0190a3c4-8b1e-7c2d-9f00-000000000001',
  created_at: '2026-01-02T03:04:05.000Z',
  archived_at: null,
  kind: 'a',
  owner: { name: 'Ada' },
  tags: ['x'],
  metadata: { anything: { goes: 1 } },
};

const ok = (over: Partial<ObservedResponse> = {}): ObservedResponse => ({
  method: 'GET',
  path: `/v1/things/${thing.id}`,
  status: 200,
  contentType: 'application/json; charset=utf-8',
  hasBody: true,
  body: thing,
  ...over,
});

describe('OpenAPI contract validator', () => {
  const contract = new OpenApiContract(document);
  const kinds = (res: ObservedResponse) => contract.check(res).map((m) => m.kind);
  const details = (res: ObservedResponse) => contract.check(res).map((m) => m.detail);

  it('passes a documented response: template match, nullable, formats, refs, open maps', () => {
    expect(contract.check(ok())).toEqual([]);
    expect(contract.check(ok({ path: `/v1/things/${thing.id}/?x=1` }))).toEqual([]);
    expect(
      contract.check(ok({ body: { ...thing, archived_at: '2026-01-03T00:00:00Z', kind: 'b' } })),
    ).toEqual([]);
    expect(
      contract.check(
        ok({
          method: 'DELETE',
          status: 204,
          contentType: undefined,
          hasBody: false,
          body: undefined,
        }),
      ),
    ).toEqual([]);
    expect(
      contract.check(
        ok({
          status: 404,
          contentType: 'application/problem+json',
          body: { type: 'about:blank', title: 'Not Found', status: 404 },
        }),
      ),
    ).toEqual([]);
    expect(
      contract.check(
        ok({
          path: '/v1/files/x',
          contentType: 'application/octet-stream',
          body: Buffer.from('x'),
        }),
      ),
    ).toEqual([]);
  });

  it('fails a body field that is not in the schema, at any depth', () => {
    expect(contract.check(ok({ body: { ...thing, extra: 1 } }))).toEqual([
      expect.objectContaining({
        operation: 'Things_get',
        path: '/v1/things/{id}',
        status: 200,
        kind: 'body',
        detail: '(body): field "extra" is not in the schema',
      }),
    ]);
    expect(details(ok({ body: { ...thing, owner: { name: 'Ada', email: 'a@b.c' } } }))).toEqual([
      '/owner: field "email" is not in the schema',
    ]);
    // writeOnly fields may be sent, never answered.
    expect(details(ok({ body: { ...thing, secret: 's' } }))).toEqual([
      '(body): field "secret" is not in the schema',
    ]);
  });

  it('fails a wrong status, a wrong content type, a missing body', () => {
    expect(kinds(ok({ status: 201 }))).toEqual(['undocumented-status']);
    expect(details(ok({ status: 500 }))).toEqual([
      'status 500 is not documented (documented: 200, 404)',
    ]);
    expect(kinds(ok({ contentType: 'text/html' }))).toEqual(['undocumented-content-type']);
    // The status is documented without any content, yet the response has one.
    expect(
      kinds(ok({ method: 'DELETE', status: 204, hasBody: true, contentType: 'application/json' })),
    ).toEqual(['undocumented-content-type']);
    expect(kinds(ok({ status: 404, contentType: 'application/json', body: {} }))).toEqual([
      'undocumented-content-type',
    ]);
    expect(kinds(ok({ hasBody: false, contentType: undefined, body: undefined }))).toEqual([
      'missing-body',
    ]);
  });

  it('takes bytes as binary and an empty event stream as an empty text', () => {
    const bytes = { method: 'GET', status: 200, hasBody: true };
    const download = { ...bytes, path: '/v1/downloads/1', contentType: 'application/pdf' };
    expect(contract.check({ ...download, body: Buffer.from('%PDF') })).toEqual([]);
    const events = { method: 'GET', path: '/v1/events', status: 200 };
    expect(contract.check({ ...events, hasBody: false, contentType: 'text/event-stream' })).toEqual(
      [],
    );
    expect(
      contract.check({ ...events, hasBody: true, contentType: 'text/event-stream', body: 7 }),
    ).toHaveLength(1);
  });

  it('fails wrong types, formats, enums, nulls and missing fields', () => {
    expect(details(ok({ body: { ...thing, id: 'not-a-uuid' } }))).toEqual([
      '/id: must match format "uuid" (got "not-a-uuid")',
    ]);
    expect(details(ok({ body: { ...thing, created_at: null } }))).toEqual([
      '/created_at: must be string (got null)',
    ]);
    expect(details(ok({ body: { ...thing, tags: ['x', 3] } }))).toEqual([
      '/tags/*: must be string (got 3)',
    ]);
    // `nullable` widens the type; an enum must list null itself to allow it.
    expect(details(ok({ body: { ...thing, kind: null } }))).toEqual([
      '/kind: must be equal to one of the allowed values ["a","b"] (got null)',
    ]);
    const { owner: _owner, ...withoutOwner } = thing;
    expect(details(ok({ body: withoutOwner }))).toEqual([
      '(body): required field "owner" is missing',
    ]);
  });

  it('closes an allOf over the union of its members, and converts 3.0 exclusive bounds', () => {
    const mine = (body: unknown) => ok({ path: '/v1/things/mine', body });
    expect(contract.check(mine({ ...thing, rank: 1 }))).toEqual([]);
    expect(details(mine({ ...thing, rank: 1, extra: true }))).toEqual([
      '(body): field "extra" is not in the schema',
    ]);
    expect(details(mine({ ...thing, rank: 0 }))).toEqual(['/rank: must be > 0']);
  });

  it('prefers a literal path over a template, and judges paths and methods nobody documented', () => {
    expect(contract.check(ok({ path: '/v1/things/mine', status: 201 }))[0]?.operation).toBe(
      'Things_mine',
    );
    expect(
      contract.check(
        ok({ path: '/v1/nothing', status: 404, contentType: 'application/problem+json', body: {} }),
      ),
    ).toEqual([]);
    expect(kinds(ok({ path: '/v1/nothing' }))).toEqual(['undocumented-path']);
    expect(kinds(ok({ method: 'PUT' }))).toEqual(['undocumented-method']);
    expect(contract.check(ok({ method: 'PUT', status: 404 }))).toEqual([]);
    expect(contract.check(ok({ method: 'OPTIONS', status: 204, hasBody: false }))).toEqual([]);
    expect(contract.check(ok({ method: 'HEAD', hasBody: false, body: undefined }))).toEqual([]);
  });

  it("loads Parley's own openapi.json and compiles every response schema in it", () => {
    const real = OpenApiContract.load();
    const stream = {
      id: thing.id,
      conversation_id: thing.id,
      status: 'open',
      created_at: thing.created_at,
      completed_at: null,
      events_url: `/v1/streams/${thing.id}/events`,
    };
    const res = {
      method: 'POST',
      path: `/v1/streams/${thing.id}/complete`,
      status: 200,
      contentType: 'application/json',
      hasBody: true,
    };
    expect(real.check({ ...res, body: stream })).toEqual([]);
    expect(real.check({ ...res, body: { ...stream, surprise: 1 } })).toHaveLength(1);
    // Every documented JSON body compiles: a schema Ajv cannot read would otherwise surface only on use.
    const parsed = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'openapi.json'), 'utf8'));
    for (const [template, item] of Object.entries<
      Record<string, { responses: Record<string, { content?: object }> }>
    >(parsed.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          for (const media of Object.keys(response.content ?? {})) {
            expect(() =>
              real.check({
                method,
                path: template,
                status: Number(status),
                contentType: media,
                hasBody: true,
                body: {},
              }),
            ).not.toThrow();
          }
        }
      }
    }
  });
});

describe('supertest contract hook', () => {
  // Not Parley: a server whose answers stay wrong (or right) whatever the document becomes.
  const server = http.createServer((req, res) => {
    if (req.url === '/v1/me') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"surprise":true}');
    } else {
      res.writeHead(404, { 'Content-Type': 'application/problem+json' }).end('{"status":404}');
    }
  });
  let url: string;
  const saved = { mode: process.env.PARLEY_CONTRACT, file: process.env.PARLEY_CONTRACT_REPORT };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const [key, value] of [
      ['PARLEY_CONTRACT', saved.mode],
      ['PARLEY_CONTRACT_REPORT', saved.file],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fails an awaited request in strict mode, after the test expectations', async () => {
    process.env.PARLEY_CONTRACT = 'strict';
    const err = await request(url)
      .get('/v1/me')
      .expect(200)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ContractViolation);
    expect((err as ContractViolation).mismatches.map((m) => m.detail)).toEqual(
      expect.arrayContaining(['(body): field "surprise" is not in the schema']),
    );
    // The test's own failed expectation is what it reports.
    await expect(request(url).get('/v1/me').expect(201)).rejects.toThrow(/expected 201/);
    // Conforming: an undocumented path answering 404.
    await request(url).get('/v1/nowhere').expect(404);
    // Explicitly outside the contract.
    await outsideContract(request(url).get('/v1/me')).expect(200);
  });

  it('appends mismatches to the report file in report mode, and lets the test pass', async () => {
    const file = path.join(tempDir('parley-contract-'), 'report.jsonl');
    process.env.PARLEY_CONTRACT = 'report';
    process.env.PARLEY_CONTRACT_REPORT = file;
    await request(url).get('/v1/me').expect(200);
    await request(url).get('/v1/nowhere').expect(404);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).toContainEqual(
      expect.objectContaining({
        operation: 'Me_get',
        status: 200,
        kind: 'body',
        test: expect.stringContaining('report mode'),
      }),
    );

    process.env.PARLEY_CONTRACT = 'off';
    fs.rmSync(file);
    await request(url).get('/v1/me').expect(200);
    expect(fs.existsSync(file)).toBe(false);
  });
});
