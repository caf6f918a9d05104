import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ANY_JSON_MARK, BODY_PER_MEDIA_TYPE_MARK } from './api-schema.decorators.js';
import { PROBLEM_RESPONSES, PROBLEM_SCHEMAS } from './openapi-problems.js';
import type { RouteTraits } from './route-traits.js';

/**
 * Statuses an operation answers beyond those its traits imply (see
 * `standardStatuses`), each for a reason the service's code gives: an
 * ErrorCode it throws (error-codes.ts has their statuses).
 */
const EXTRA_STATUSES: Record<string, number[]> = {
  // invalid-credentials, invalid-token, refresh-token-reused on public sign-in routes
  Auth_login: [401],
  Auth_refresh: [401],
  Idp_login: [401],
  Auth_register: [409], // email-taken
  Auth_upgrade: [409], // email-taken, not-a-guest
  // the signed link is the credential: invalid-signature, link-expired, a key it did not sign
  BlobDownload_download: [403, 404, 410],
  Collectives_create: [404, 422], // a parent I may not see; nesting beyond the maximum depth
  Collectives_update: [409, 422], // collective-cycle
  Collectives_remove: [409], // collective-has-children
  Collectives_parentalConsent: [422], // not-a-family
  Members_changeRole: [409], // last-owner
  Members_remove: [409], // last-owner
  Invitations_accept: [409, 410], // already-member, used up; expired, revoked
  ParentalConsent_approve: [409, 410],
  Messages_append: [409], // message_id used with other content
  Messages_appendBatch: [409],
  Summaries_post: [404],
  Streams_append: [409], // the stream is completed
};

/** Operations that touch neither the database nor the queue: no 503. */
const NO_DEPENDENCIES = new Set(['Health_live', 'BlobDownload_download']);

/** Path parameters by name, where the DTO does not describe them. */
const PATH_PARAMETERS: Array<[pattern: RegExp, name: string, description: string]> = [
  [/^\/v1\/conversations\/\{id\}/, 'id', 'The conversation id'],
  [/^\/v1\/shared\/conversations\/\{id\}/, 'id', 'The id of a public conversation'],
  [/^\/v1\/collectives\/\{id\}/, 'id', 'The collective id'],
  [/^\/v1\/auth\/sessions\/\{id\}/, 'id', 'The session id'],
  [/^\/v1\/admin\/trusted-clients\/\{id\}/, 'id', 'The trusted client id'],
  [/^\/v1\/streams\/\{id\}/, 'id', 'The stream id'],
  [
    /^\/v1\/memory\/summaries\/jobs\/\{id\}/,
    'id',
    'The job_id a POST /v1/memory/summaries answered',
  ],
  [/\/messages\/\{message\}/, 'message', 'The message: its id, or its client message_id'],
  [/^\/v1\/artifacts\/\{id\}/, 'id', 'The artifact id'],
  [
    /^\/v1\/artifact-uploads\/\{id\}/,
    'id',
    'The id of the large upload POST …/artifacts/uploads started',
  ],
  [/feature-flags\/\{name\}/, 'name', 'The feature flag name'],
  [
    /^\/v1\/(admin\/)?content\/\{category\}/,
    'category',
    'The content category (prompts, ui_messages, …)',
  ],
  [/content\/\{category\}\/\{language\}/, 'language', 'A BCP 47 language tag, e.g. de or de-AT'],
  [/\{language\}\/\{variant\}/, 'variant', 'The audience variant: all, teenager or parent'],
  [/\{variant\}\/\{key\}/, 'key', 'The content key'],
  [/^\/v1\/rag\/collections\/\{name\}/, 'name', 'The collection name'],
  [/\/documents\/\{id\}/, 'id', 'The document id'],
  [/\/members\/\{user_id\}/, 'user_id', "The member's user id"],
  [/\/children\/\{user_id\}/, 'user_id', "The child's user id"],
  [/\/invitations\/\{invitation_id\}/, 'invitation_id', 'The invitation id'],
  [/^\/v1\/invitations\/\{token\}/, 'token', 'The invitation token (shown once, when created)'],
  [/\/parental-requests\/\{token\}/, 'token', 'The token of the consent request, from its email'],
  [/\/api-keys\/\{provider\}/, 'provider', 'The model provider the key is for'],
  [/\/idp\/\{idp\}/, 'idp', 'The configured identity provider'],
  [/^\/v1\/memory\/items\/\{namespace\}/, 'namespace', 'Dot-separated namespace of the item'],
  [/^\/v1\/memory\/items\/\{namespace\}\/\{key\}/, 'key', 'Key of the item in its namespace'],
];

type Json = Record<string, unknown>;

/**
 * Turns what @nestjs/swagger generates into the contract: schemas written by hand
 * (`extraSchemas`, for shapes decorators cannot say), problem responses on
 * every operation for the statuses it answers, `security: []` on public routes,
 * schema-free "any JSON" values, and a description on every path parameter.
 */
export function finishDocument(
  document: OpenAPIObject,
  traits: ReadonlyMap<string, RouteTraits>,
  extraSchemas: Record<string, SchemaObject> = {},
): OpenAPIObject {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...extraSchemas, ...PROBLEM_SCHEMAS };
  components.responses = {
    ...components.responses,
    ...Object.fromEntries(Object.values(PROBLEM_RESPONSES)),
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const id = operation.operationId ?? `${method} ${path}`;
      const trait = traits.get(id);
      if (!trait) throw new Error(`openapi: no route traits for operation ${id}`);
      if (trait.public) operation.security = [];
      // Every operation has a description: its summary, where it says the whole story.
      operation.description ??= operation.summary;
      describePathParameters(path, operation);
      bodyPerMediaType(operation);
      describeProducedBodies(operation, trait);
      addProblemResponses(id, method, path, operation, trait);
    }
  }
  dropUnusedResponses(document);
  typeNullableReferences(components.schemas);
  return stripAnyJsonMarks(document as unknown as Json) as unknown as OpenAPIObject;
}

/** Each media type of a request body marked by `ApiBodyPerMediaType` gets its own schema. */
function bodyPerMediaType(operation: OperationObject): void {
  const body = operation.requestBody as { content?: Record<string, { schema?: Json }> } | undefined;
  for (const [type, media] of Object.entries(body?.content ?? {})) {
    const bodies = media.schema?.[BODY_PER_MEDIA_TYPE_MARK] as Record<string, Json> | undefined;
    if (!bodies) continue;
    if (!bodies[type]) throw new Error(`openapi: no body schema for ${type}`);
    media.schema = bodies[type];
  }
}

/**
 * `{nullable, allOf: [$ref]}` (a referenced object or null, as @nestjs/swagger
 * writes it) gains the `type: object` OpenAPI 3.0 wants beside `nullable`.
 */
function typeNullableReferences(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(typeNullableReferences);
  const schema = node as Json;
  const refs = schema.allOf;
  if (
    schema.nullable === true &&
    schema.type === undefined &&
    Array.isArray(refs) &&
    refs.length === 1 &&
    typeof (refs[0] as Json | undefined)?.$ref === 'string'
  ) {
    schema.type = 'object';
  }
  Object.values(schema).forEach(typeNullableReferences);
}

/** A standard problem response that every operation documents with its own words is not kept. */
function dropUnusedResponses(document: OpenAPIObject): void {
  const responses = document.components?.responses;
  if (!responses) return;
  const text = JSON.stringify(document.paths);
  for (const name of Object.keys(responses)) {
    if (!text.includes(`"#/components/responses/${name}"`)) delete responses[name];
  }
}

function standardStatuses(
  id: string,
  method: string,
  path: string,
  operation: OperationObject,
  trait: RouteTraits,
): number[] {
  const statuses = new Set<number>(EXTRA_STATUSES[id] ?? []);
  if (!trait.public) [401, 403].forEach((s) => statuses.add(s));
  if (path.includes('{') || trait.roles) statuses.add(404);
  // The body parser and the media-type guard run before the route, body or not.
  if (operation.requestBody || method !== 'get') [400, 413, 415].forEach((s) => statuses.add(s));
  if ((operation.parameters ?? []).length > 0) statuses.add(400);
  // Every route is under the general per-address rate limit (rate-limit.module.ts).
  statuses.add(429);
  if (!NO_DEPENDENCIES.has(id)) statuses.add(503);
  return [...statuses];
}

function addProblemResponses(
  id: string,
  method: string,
  path: string,
  operation: OperationObject,
  trait: RouteTraits,
): void {
  const responses = operation.responses;
  const statuses = new Set([
    ...standardStatuses(id, method, path, operation, trait),
    ...Object.keys(responses)
      .map(Number)
      .filter((status) => status >= 400),
  ]);
  for (const status of [...statuses].sort()) {
    const standard = PROBLEM_RESPONSES[status];
    const existing = responses[String(status)] as ResponseObject | undefined;
    // A route that documents its own error body (health readiness) keeps it.
    if (existing?.content) continue;
    if (!standard)
      throw new Error(`openapi: ${id} documents ${status}, which has no problem response`);
    const [name, response] = standard;
    responses[String(status)] = existing?.description
      ? { ...response, description: existing.description }
      : { $ref: `#/components/responses/${name}` };
  }
}

/** A success answer in a media type @ApiProduces names (an event stream) whose body no DTO describes. */
function describeProducedBodies(operation: OperationObject, trait: RouteTraits): void {
  if (!trait.produces?.length) return;
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response || !/^2/.test(status) || status === '204') continue;
    if ('$ref' in response || response.content) continue;
    response.content = Object.fromEntries(
      trait.produces.map((media) => [media, { schema: { type: 'string' as const } }]),
    );
  }
}

function describePathParameters(path: string, operation: OperationObject): void {
  for (const parameter of operation.parameters ?? []) {
    if ('$ref' in parameter || parameter.description) continue;
    const known = PATH_PARAMETERS.find(
      ([pattern, name]) => parameter.in === 'path' && name === parameter.name && pattern.test(path),
    );
    if (known) parameter.description = known[2];
    else
      throw new Error(
        `openapi: ${parameter.in} parameter ${parameter.name} of ${path} has no description`,
      );
  }
}

/** Schemas marked by @ApiAnyJson become `{}` (plus their description and example). */
function stripAnyJsonMarks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripAnyJsonMarks);
  if (!node || typeof node !== 'object') return node;
  const source = node as Json;
  if (source[ANY_JSON_MARK] === true) {
    const kept: Json = {};
    for (const key of ['description', 'example']) if (key in source) kept[key] = source[key];
    return kept;
  }
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, stripAnyJsonMarks(v)]));
}
