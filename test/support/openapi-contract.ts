import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Checks real responses against the OpenAPI document: the operation (method and
 * path template), the status, the content type and the body. Object schemas are
 * closed (no field beyond the documented ones) unless they say otherwise, so a
 * field a client cannot know about is a mismatch too.
 */

export interface ObservedResponse {
  method: string;
  /** The concrete path the request went to (a query string is ignored). */
  path: string;
  status: number;
  /** The Content-Type header, parameters included, if any. */
  contentType?: string;
  /** Whether the response carried a body at all. */
  hasBody: boolean;
  /** The parsed body (JSON) or its text. */
  body?: unknown;
}

export type MismatchKind =
  | 'undocumented-path'
  | 'undocumented-method'
  | 'undocumented-status'
  | 'undocumented-content-type'
  | 'missing-body'
  | 'body';

export interface ContractMismatch {
  /** operationId, or `METHOD /path` when there is none or no operation matched. */
  operation: string;
  method: string;
  /** The path template that matched, or the concrete path when none did. */
  path: string;
  status: number;
  kind: MismatchKind;
  detail: string;
}

type Json = Record<string, unknown>;

interface Operation {
  operationId?: string;
  responses?: Record<string, Json>;
}

interface Route {
  template: string;
  pattern: RegExp;
  literalChars: number;
  operations: Record<string, Operation>;
}

const BASE = 'https://contract.parley.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/**
 * Served beside the API and deliberately left out of its document, or mounted by
 * tests only (test/support/probe.module.ts).
 */
const OUTSIDE_CONTRACT = [
  /^\/docs(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/openapi\.json$/,
  /^\/metrics$/,
  /^\/v1\/test-probe(\/|$)/,
];
/** Keywords of OpenAPI 3.0 schemas that JSON Schema does not know. */
const OPENAPI_ONLY = new Set(['nullable', 'example', 'xml', 'externalDocs', 'discriminator']);

export class OpenApiContract {
  private readonly routes: Route[];
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    this.routes = buildRoutes((document.paths ?? {}) as Record<string, Json>);
    this.ajv = new Ajv2020({
      allErrors: true,
      // The offending value goes into the mismatch: `null` for an enum says what to fix.
      verbose: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
    });
    addFormats.default(this.ajv);
    // OpenAPI's own formats: numbers are range-checked by their type; the rest are hints.
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => isInt(n, 31) });
    this.ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
    for (const name of ['float', 'double'])
      this.ajv.addFormat(name, { type: 'number', validate: () => true });
    for (const name of ['binary', 'byte', 'password']) this.ajv.addFormat(name, true);
    for (const name of unknownFormats(document, this.ajv)) this.ajv.addFormat(name, true);
    const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<
      string,
      Json
    >;
    const defs: Json = {};
    for (const [name, schema] of Object.entries(schemas)) {
      defs[name] = toJsonSchema(schema, false);
      defs[`${name}__open`] = toJsonSchema(schema, true);
    }
    this.ajv.addSchema({ $id: BASE, $defs: defs });
  }

  /** The checked-in openapi.json at the repository root. */
  static load(file = path.join(process.cwd(), 'openapi.json')): OpenApiContract {
    return new OpenApiContract(JSON.parse(fs.readFileSync(file, 'utf8')) as Json);
  }

  /** Every way the response departs from the document; empty when it conforms. */
  check(res: ObservedResponse): ContractMismatch[] {
    const method = res.method.toLowerCase();
    const concrete = normalizePath(res.path);
    // CORS preflights and the operational pages are not part of the API's contract.
    if (method === 'options' || OUTSIDE_CONTRACT.some((re) => re.test(concrete))) return [];
    const route = this.routes.find((r) => r.pattern.test(concrete));
    const base = { method: method.toUpperCase(), status: res.status };
    // Nothing is documented there and nothing is served there: that agrees with the document.
    const notFound = res.status === 404 || res.status === 405;
    if (!route) {
      if (notFound) return [];
      const operation = `${base.method} ${concrete}`;
      return [
        {
          ...base,
          operation,
          path: concrete,
          kind: 'undocumented-path',
          detail: 'no documented path matches',
        },
      ];
    }
    const operationObject =
      route.operations[method] ?? (method === 'head' ? route.operations.get : undefined);
    const at = { ...base, path: route.template };
    if (!operationObject) {
      if (notFound) return [];
      return [
        {
          ...at,
          operation: `${base.method} ${route.template}`,
          kind: 'undocumented-method',
          detail: `${base.method} is not documented on this path`,
        },
      ];
    }
    const mismatch = (kind: MismatchKind, detail: string): ContractMismatch => ({
      ...at,
      operation: operationObject.operationId ?? `${base.method} ${route.template}`,
      kind,
      detail,
    });
    const responses = operationObject.responses ?? {};
    const statusKey = [
      String(res.status),
      `${String(res.status)[0]}XX`,
      `${String(res.status)[0]}xx`,
      'default',
    ].find((key) => key in responses);
    if (!statusKey) {
      return [
        mismatch(
          'undocumented-status',
          `status ${res.status} is not documented (documented: ${Object.keys(responses).join(', ') || 'none'})`,
        ),
      ];
    }
    const response = this.resolveResponse(responses[statusKey]!);
    const content = (response.content ?? {}) as Record<string, Json>;
    if (!res.hasBody || method === 'head') {
      const documented = Object.keys(content);
      // An empty text (an event stream that ended before any event) is still a string.
      const emptyAllowed = Object.values(content).some(({ schema }) => {
        const text = schema as Json | undefined;
        return text?.type === 'string' && !(Number(text.minLength) > 0);
      });
      if (
        method !== 'head' &&
        documented.length > 0 &&
        !emptyAllowed &&
        res.status !== 204 &&
        res.status !== 304
      ) {
        return [mismatch('missing-body', `no body, but ${documented.join(', ')} is documented`)];
      }
      return [];
    }
    const media = mediaType(res.contentType);
    if (!media) return [mismatch('undocumented-content-type', 'a body without a Content-Type')];
    const mediaKey = matchMedia(media, Object.keys(content));
    if (!mediaKey) {
      const documented = Object.keys(content);
      return [
        mismatch(
          'undocumented-content-type',
          documented.length === 0
            ? `${media} body, but no content is documented for ${statusKey}`
            : `${media} is not documented for ${statusKey} (documented: ${documented.join(', ')})`,
        ),
      ];
    }
    const schema = content[mediaKey]!.schema as Json | undefined;
    if (!schema) return [];
    // Bytes (format binary, even bytes that happen to be JSON) and other non-JSON bodies have
    // nothing a JSON schema could check.
    if (schema.format === 'binary' || (!isJsonMedia(media) && schema.type !== 'string')) return [];
    const validate = this.validator(`${route.template} ${method} ${statusKey} ${mediaKey}`, schema);
    if (validate(res.body)) return [];
    return describeErrors(validate.errors ?? []).map((detail) => mismatch('body', detail));
  }

  private resolveResponse(response: Json): Json {
    const ref = response.$ref;
    if (typeof ref !== 'string') return response;
    return pointer(this.document, ref) as Json;
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema, false));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function buildRoutes(paths: Record<string, Json>): Route[] {
  const routes = Object.entries(paths).map(([template, item]) => {
    const operations: Record<string, Operation> = {};
    for (const method of METHODS) if (item[method]) operations[method] = item[method] as Operation;
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) =>
        /^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
      )
      .join('');
    return {
      template,
      pattern: new RegExp(`^${source}$`),
      literalChars: template.replace(/\{[^}]+\}/g, '').length,
      operations,
    };
  });
  // `/a/fixed` wins over `/a/{param}`.
  return routes.sort((a, b) => b.literalChars - a.literalChars);
}

/**
 * OpenAPI 3.0 schema -> JSON Schema 2020-12: `nullable` becomes a null type,
 * refs point into the components registered under BASE, properties that are
 * writeOnly may not appear in a response, and objects are closed unless they say
 * otherwise. `open` leaves an object open: a member of an allOf, whose parent
 * closes over the union of all its members with unevaluatedProperties.
 */
export function toJsonSchema(schema: unknown, open: boolean): Json {
  if (typeof schema !== 'object' || schema === null) return schema as Json;
  const source = schema as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (OPENAPI_ONLY.has(key)) continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
      out.$ref = name ? `${BASE}#/$defs/${name}${open ? '__open' : ''}` : value;
    } else if (key === 'properties') {
      const props: Json = {};
      for (const [name, prop] of Object.entries(value as Json)) {
        if ((prop as Json).writeOnly === true) continue;
        props[name] = toJsonSchema(prop, false);
      }
      out.properties = props;
    } else if (key === 'required') {
      const writeOnly = new Set(
        Object.entries((source.properties ?? {}) as Json)
          .filter(([, prop]) => (prop as Json).writeOnly === true)
          .map(([name]) => name),
      );
      const required = (value as string[]).filter((name) => !writeOnly.has(name));
      if (required.length > 0) out.required = required;
    } else if (key === 'allOf') {
      out.allOf = (value as unknown[]).map((member) => toJsonSchema(member, true));
    } else if (key === 'anyOf' || key === 'oneOf') {
      out[key] = (value as unknown[]).map((member) => toJsonSchema(member, open));
    } else if (
      key === 'items' ||
      key === 'not' ||
      (key === 'additionalProperties' && typeof value === 'object')
    ) {
      out[key] = toJsonSchema(value, false);
    } else if (
      (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') &&
      typeof value === 'boolean'
    ) {
      // 3.0 says `minimum: 1, exclusiveMinimum: true`; JSON Schema says `exclusiveMinimum: 1`.
      const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
      if (value) out[key] = source[bound];
    } else {
      out[key] = value;
    }
  }
  if (source.exclusiveMinimum === true) delete out.minimum;
  if (source.exclusiveMaximum === true) delete out.maximum;
  const objectLike = source.type === 'object' || 'properties' in source || 'allOf' in source;
  if (
    objectLike &&
    !open &&
    !('additionalProperties' in source) &&
    !('unevaluatedProperties' in source)
  ) {
    out.unevaluatedProperties = false;
  }
  if (source.nullable === true) {
    // `{type: object, nullable, allOf: [$ref]}` is 3.0's "this object or null", as generators
    // (openapi-typescript: `Ref | null`) read it: the null passes the composition too.
    if ('allOf' in out || 'oneOf' in out || 'anyOf' in out)
      return { anyOf: [out, { type: 'null' }] };
    // An enum still has to list null itself: `nullable` widens the type, not the enum (OAS 3.0.3).
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type)) out.type = [...out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function describeErrors(errors: ErrorObject[]): string[] {
  const details = errors
    // The branches of a nullable's anyOf repeat what the real error says.
    .filter((e) => e.keyword !== 'anyOf' || errors.length === 1)
    .map((e) => {
      const at = e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '(body)';
      const params = e.params as Record<string, unknown>;
      if (e.keyword === 'unevaluatedProperties' || e.keyword === 'additionalProperties') {
        const field = params.unevaluatedProperty ?? params.additionalProperty;
        return `${at}: field "${String(field)}" is not in the schema`;
      }
      if (e.keyword === 'required')
        return `${at}: required field "${String(params.missingProperty)}" is missing`;
      const got = ` (got ${shortJson(e.data)})`;
      if (e.keyword === 'enum') {
        return `${at}: ${e.message} ${JSON.stringify(params.allowedValues)}${got}`;
      }
      return `${at}: ${e.message}${VALUE_KEYWORDS.has(e.keyword) ? got : ''}`;
    });
  return [...new Set(details)];
}

const VALUE_KEYWORDS = new Set(['type', 'format', 'const', 'pattern', 'minimum', 'maximum']);

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function normalizePath(url: string): string {
  const pathname = url.split(/[?#]/)[0] || '/';
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function matchMedia(media: string, documented: string[]): string | undefined {
  const lower = documented.map((key) => [key, key.toLowerCase()] as const);
  const [type] = media.split('/');
  return (
    lower.find(([, key]) => key === media)?.[0] ??
    lower.find(([, key]) => key === `${type}/*`)?.[0] ??
    lower.find(([, key]) => key === '*/*')?.[0]
  );
}

export function isJsonMedia(media: string): boolean {
  return media === 'application/json' || media.endsWith('+json');
}

function pointer(document: Json, ref: string): unknown {
  let node: unknown = document;
  for (const raw of ref.replace(/^#\//, '').split('/')) {
    node = (node as Json | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function unknownFormats(document: Json, ajv: Ajv2020): string[] {
  const found = new Set<string>();
  JSON.stringify(document, (key, value: unknown) => {
    if (key === 'format' && typeof value === 'string' && !ajv.formats[value]) found.add(value);
    return value;
  });
  return [...found];
}

function isInt(n: number, bits: number): boolean {
  return Number.isInteger(n) && n >= -(2 ** bits) && n < 2 ** bits;
}
