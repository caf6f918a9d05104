import type { OpenAPIObject } from '@nestjs/swagger';
import { anyJsonSchema } from './api-schema.decorators.js';
import { finishDocument } from './openapi-finish.js';

const doc = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/things/{id}': {
      get: {
        operationId: 'Things_get',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The thing' }],
        responses: { 200: { description: 'ok' } },
      },
      patch: {
        operationId: 'Things_patch',
        requestBody: { content: {} },
        responses: { 200: { description: 'ok' }, 404: { description: 'No such thing' } },
      },
    },
    '/health/live': {
      get: { operationId: 'Health_live', responses: { 200: { description: 'ok' } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { value: { ...anyJsonSchema('any'), type: 'object' } },
      },
    },
  },
});

const traits = new Map([
  ['Things_get', { public: false, roles: false }],
  ['Things_patch', { public: false, roles: false }],
  ['Health_live', { public: true, roles: false }],
]);

describe('finishDocument', () => {
  const finished = finishDocument(doc(), traits);
  const statuses = (path: string, method: 'get' | 'patch') =>
    Object.keys(finished.paths[path]![method]!.responses).sort();

  it('adds the problem responses each route answers by its traits', () => {
    expect(statuses('/v1/things/{id}', 'get')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '429',
      '503',
    ]);
    expect(statuses('/v1/things/{id}', 'patch')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '429',
      '503',
    ]);
    expect(statuses('/health/live', 'get')).toEqual(['200', '429']);
  });

  it('keeps a route-specific description and references the standard response otherwise', () => {
    const responses = finished.paths['/v1/things/{id}']!.patch!.responses;
    expect(responses[404]).toMatchObject({
      description: 'No such thing',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(responses[401]).toEqual({ $ref: '#/components/responses/Unauthorized' });
  });

  it('declares public routes without security and any-JSON values without a schema', () => {
    expect(finished.paths['/health/live']!.get!.security).toEqual([]);
    expect(finished.paths['/v1/things/{id}']!.get!.security).toBeUndefined();
    expect(finished.components!.schemas!.Thing).toEqual({
      type: 'object',
      properties: { value: { description: 'any' } },
    });
  });

  it('refuses an operation it has no traits for', () => {
    expect(() => finishDocument(doc(), new Map())).toThrow(/no route traits/);
  });

  it('refuses a parameter nobody described, and describes an operation by its summary', () => {
    const bare = doc();
    bare.paths['/v1/things/{id}']!.get!.parameters = [{ name: 'id', in: 'path', required: true }];
    expect(() => finishDocument(bare, traits)).toThrow(/path parameter id of \/v1\/things\/\{id\}/);
    const summarised = doc();
    summarised.paths['/health/live']!.get!.summary = 'Liveness';
    expect(finishDocument(summarised, traits).paths['/health/live']!.get!.description).toBe(
      'Liveness',
    );
  });
});
