import fs from 'node:fs';

/** The parts of an OpenAPI 3.0 schema the fuzz generator reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  default?: unknown;
  description?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: Schema;
}

export interface Operation {
  /** `POST /v1/conversations/{id}/messages`: how reports name it. */
  id: string;
  method: string;
  /** OpenAPI path template, `{param}` style. */
  path: string;
  parameters: Parameter[];
  /** The JSON request body schema, $refs resolved; absent when the operation takes none. */
  body?: Schema;
  bodyRequired: boolean;
  /** Media types the document accepts for the body. */
  bodyTypes: string[];
  /** Needs a bearer token (the operation or the document declares security). */
  secured: boolean;
}

interface RawOperation {
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The document checked in at the repository root: the contract clients read. */
export function loadOpenApi(
  file: URL = new URL('../../openapi.json', import.meta.url),
): OpenApiDocument {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
}

function pointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

/** A copy of `schema` with every $ref replaced by what it points to (allOf merged). */
export function resolveSchema(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 32) throw new Error('schema nests deeper than 32 levels (a $ref cycle?)');
  if (schema.$ref) {
    const { $ref, ...rest } = schema;
    const target = pointer(doc, $ref) as Schema | undefined;
    if (!target) throw new Error(`unresolved $ref ${$ref}`);
    return resolveSchema(doc, { ...target, ...rest }, depth + 1);
  }
  let out: Schema = { ...schema };
  if (out.allOf) {
    const parts = out.allOf.map((s) => resolveSchema(doc, s, depth + 1));
    delete out.allOf;
    for (const part of parts) {
      out = {
        ...part,
        ...out,
        properties: { ...part.properties, ...out.properties },
        required: [...(part.required ?? []), ...(out.required ?? [])],
      };
    }
  }
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, resolveSchema(doc, v, depth + 1)]),
    );
  }
  if (out.items) out.items = resolveSchema(doc, out.items, depth + 1);
  if (out.additionalProperties && typeof out.additionalProperties === 'object') {
    out.additionalProperties = resolveSchema(doc, out.additionalProperties, depth + 1);
  }
  return out;
}

/** Every operation of the document, with parameters and body schema resolved. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const parameters = (raw.parameters ?? []).map((p) => {
        const param = ('$ref' in p ? pointer(doc, p.$ref) : p) as Parameter;
        return { ...param, schema: resolveSchema(doc, param.schema ?? {}) };
      });
      const content = raw.requestBody?.content ?? {};
      const json = Object.entries(content).find(([type]) =>
        /^application\/([\w.-]+\+)?json/.test(type),
      );
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        body: json?.[1].schema ? resolveSchema(doc, json[1].schema) : undefined,
        bodyRequired: raw.requestBody?.required === true,
        bodyTypes: Object.keys(content),
        secured: (raw.security ?? doc.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/**
 * What JSON type a schema asks for. `any`: a bare `type: object` without
 * properties (Nest's rendering of "any JSON value" and of unannotated unions),
 * or no type at all — the document does not pin such a field down, so wrong
 * types and null are not held against it.
 */
export type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

export function kindOf(schema: Schema): Kind {
  if (schema.enum?.length) {
    const t = typeof schema.enum[0];
    return t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : 'string';
  }
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return schema.properties || schema.additionalProperties !== undefined ? 'object' : 'any';
    default:
      return 'any';
  }
}

/** A schema whose keywords only make sense for strings, whatever its `type` says. */
export function stringLike(schema: Schema): boolean {
  return (
    kindOf(schema) === 'string' ||
    schema.maxLength !== undefined ||
    schema.minLength !== undefined ||
    schema.pattern !== undefined ||
    typeof schema.example === 'string'
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether the document itself rules `value` out for a string schema (so it must be refused). */
export function violatesString(schema: Schema, value: string): boolean {
  if (schema.enum) return !schema.enum.includes(value);
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return true;
  if (schema.minLength !== undefined && value.length < schema.minLength) return true;
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return true;
  if (schema.format === 'uuid') return !UUID.test(value);
  if (schema.format === 'email')
    return !EMAIL.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20);
  if (schema.format === 'date-time') return !DATE_TIME.test(value) || isNaN(Date.parse(value));
  return false;
}

/** A query parameter carrying an opaque pagination cursor, by what the document says of it. */
export function isCursor(param: Parameter): boolean {
  return param.in === 'query' && /cursor/i.test(param.description ?? '');
}
