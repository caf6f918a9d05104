import type { ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_STATUS, ErrorCode } from './error-codes.js';

/**
 * The problem+json side of the contract: the schemas every error answer has
 * (what problem.filter.ts, validation.ts and http-server.ts really write) and
 * one reusable response per status.
 */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  Problem: {
    type: 'object',
    description:
      'RFC 9457 problem details. `type` names the problem (a URI under https://parley.dev/problems/, or about:blank), ' +
      '`code` is its stable machine-readable name. Members beyond these are extensions that some problems carry ' +
      '(e.g. `retry_after` on 429, `scope` and `required_scopes` on insufficient-scope, `index` on a batch).',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://parley.dev/problems/not-found' },
      title: { type: 'string', example: 'Not found' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
      detail: { type: 'string', example: 'Conversation not found.' },
      instance: {
        type: 'string',
        format: 'uri-reference',
        description: 'The path of the request that failed',
        example: '/v1/conversations/0190a4c1-7c4e-7d2e-9b1a-3f6e2d9c8b7a',
      },
      code: {
        type: 'string',
        enum: Object.values(ErrorCode),
        description: 'Stable error code; absent only on a problem of type about:blank',
      },
      request_id: { type: 'string', description: 'The X-Request-Id of the request, for support' },
      retry_after: {
        type: 'integer',
        minimum: 0,
        description: 'Seconds to wait before retrying (429), as in the Retry-After header',
      },
    },
    additionalProperties: true,
  },
  FieldError: {
    type: 'object',
    description: 'One invalid field: its path in the body, query or headers, and what is wrong',
    required: ['field', 'message'],
    properties: {
      field: {
        type: 'string',
        description: 'Dotted path of the field (`messages.0.role`), or a header name',
        example: 'title',
      },
      message: { type: 'string', example: 'title must be shorter than or equal to 300 characters' },
    },
    additionalProperties: false,
  },
  ValidationProblem: {
    description:
      'A validation-failed problem (400): the Problem with every invalid field in `errors`. ' +
      '`detail` is the only message when one field is wrong, else "N fields are invalid".',
    allOf: [
      ref('Problem'),
      {
        type: 'object',
        required: ['errors'],
        properties: { errors: { type: 'array', items: ref('FieldError') } },
      },
    ],
  },
};

const retryAfter = (when: string) => ({
  'Retry-After': {
    description: `Seconds to wait before retrying (${when})`,
    schema: { type: 'integer' as const, minimum: 0 },
  },
});

const problemResponse = (
  description: string,
  schema: SchemaObject | { $ref: string } = ref('Problem'),
  headers: ResponseObject['headers'] = undefined,
): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_MEDIA_TYPE]: { schema } },
});

const codesOf = (status: number): string =>
  Object.values(ErrorCode)
    .filter((code) => ERROR_STATUS[code].status === status)
    .join(', ');

/** The standard response of each error status, as components/responses entries. */
export const PROBLEM_RESPONSES: Record<number, [name: string, response: ResponseObject]> = {
  400: [
    'BadRequest',
    problemResponse(
      `Bad input: malformed JSON, a field that fails validation (a ValidationProblem with \`errors\`), a cursor this list did not issue (${codesOf(400)})`,
      { anyOf: [ref('ValidationProblem'), ref('Problem')] },
    ),
  ],
  401: [
    'Unauthorized',
    problemResponse(`No valid credentials (${codesOf(401)})`, ref('Problem'), {
      'WWW-Authenticate': {
        description:
          'The scheme to authenticate with: `Bearer` (access token) or `Basic` (trusted client)',
        schema: { type: 'string', example: 'Bearer' },
      },
    }),
  ],
  403: ['Forbidden', problemResponse(`Authenticated but not allowed (${codesOf(403)})`)],
  404: ['NotFound', problemResponse('No such resource, or one the caller may not see (not-found)')],
  406: [
    'NotAcceptable',
    problemResponse(`The request does not accept what this route answers (${codesOf(406)})`),
  ],
  409: ['Conflict', problemResponse(`Conflicts with the current state (${codesOf(409)})`)],
  410: ['Gone', problemResponse(`No longer valid (${codesOf(410)})`)],
  413: [
    'PayloadTooLarge',
    problemResponse('The request body exceeds the limit (payload-too-large)'),
  ],
  415: [
    'UnsupportedMediaType',
    problemResponse('A body of a media type, encoding or charset this route does not take'),
  ],
  422: [
    'UnprocessableContent',
    problemResponse(`Well-formed but not applicable (${codesOf(422)})`),
  ],
  429: [
    'TooManyRequests',
    problemResponse(
      `Over a rate limit, or too many failed sign-ins (${codesOf(429)})`,
      ref('Problem'),
      retryAfter('always sent'),
    ),
  ],
  503: [
    'ServiceUnavailable',
    problemResponse(
      'A dependency (the database, the queue) is unavailable or the request could not finish in time; retry (service-unavailable)',
      ref('Problem'),
      retryAfter('sent when the wait is known'),
    ),
  ],
};
