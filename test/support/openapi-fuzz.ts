import fc from 'fast-check';
import {
  BAD_AUTHORIZATION,
  BAD_CURSORS,
  badNumbers,
  deepArray,
  deepObject,
  DEPTH,
  RawJson,
  STRING_PROBES,
  WRONG_TYPES,
} from './fuzz-inputs.js';
import {
  isCursor,
  kindOf,
  stringLike,
  violatesString,
  type Operation,
  type Parameter,
  type Schema,
} from './openapi-document.js';
import {
  stringArb,
  stringMatching,
  valueArb,
  type IdSource,
  type Path,
} from './schema-arbitraries.js';

/**
 * Requests generated from the OpenAPI document, one family of cases per
 * operation: valid-ish input built from the schemas, then one mutation at a
 * time (a field, a parameter, the body's encoding, the credentials). Nothing
 * here names a route: a new operation in openapi.json gets all of it.
 */

/** What the fixture knows: real values for path parameters and ids for uuid fields. */
export interface ParamValues extends IdSource {
  /** The caller's own values for a path parameter of an operation, best first; may be empty. */
  own(op: Operation, param: string): string[];
  /** Another user's value for an id parameter of an operation, when the fixture has one. */
  others(op: Operation, param: string): string | undefined;
}

/**
 * `no-5xx`: any answer but a server error; `rejected`: the document rules the
 * input out, so a 4xx; `unauthorized`: 401; `not-found`: another user's id, so
 * no success (exactly 404 when nothing else in the request could be refused).
 */
export type Expectation = 'no-5xx' | 'rejected' | 'unauthorized' | 'not-found';

export interface FuzzRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  headers: Record<string, string>;
  /** `Authorization` value; `{token}` is the caller's access token, `{tampered}` it with a changed signature. */
  authorization: string | null;
  body?: { type: string; text: string };
}

export interface FuzzSample {
  request: FuzzRequest;
  expect: Expectation;
}

export interface FuzzCase {
  operation: Operation;
  inputClass: string;
  /** The field, parameter or variant the mutation hits. */
  target?: string;
  /** Requests the systematic pass sends. */
  samples: number;
  applies(values: ParamValues): boolean;
  arbitrary(values: ParamValues): fc.Arbitrary<FuzzSample>;
}

interface Draft {
  params: Record<string, { value: string; encoded?: boolean }>;
  query: { name: string; value: string; encoded?: boolean }[];
  headers: Record<string, string>;
  authorization: string | null;
  body?: { json: unknown } | { type: string; text: string };
  /** Resolve `..` segments as a browser or URL library would before sending. */
  resolvePath?: boolean;
}

// ---------------------------------------------------------------- drafts and rendering

interface Field {
  path: Path;
  schema: Schema;
  required: boolean;
}

/** Body fields two levels deep (a batch's `messages.0.role` included). */
function fieldsOf(s: Schema, prefix: Path = [], depth = 0): Field[] {
  if (kindOf(s) !== 'object' || !s.properties) return [];
  return Object.entries(s.properties).flatMap(([k, ps]) => {
    const here: Field = {
      path: [...prefix, k],
      schema: ps,
      required: (s.required ?? []).includes(k),
    };
    if (depth >= 1) return [here];
    const nested =
      kindOf(ps) === 'array' && ps.items
        ? fieldsOf(ps.items, [...here.path, 0], depth + 1)
        : fieldsOf(ps, here.path, depth + 1);
    return [here, ...nested];
  });
}

const REMOVE = Symbol('remove');

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, x: unknown) =>
    x instanceof RawJson ? `@@raw${raws.push(x.text) - 1}@@` : x,
  );
  return text.replace(/"@@raw(\d+)@@"/g, (_m, i: string) => raws[Number(i)]!);
}

function validQueryValue(q: Parameter, v: ParamValues): fc.Arbitrary<string> {
  const s = q.schema;
  if (s.enum?.length) return fc.constantFrom(...s.enum.map(String));
  switch (kindOf(s)) {
    case 'number':
      return fc.integer({ min: Math.max(s.minimum ?? 1, 0), max: s.maximum ?? 100 }).map(String);
    case 'boolean':
      return fc.constantFrom('true', 'false');
    default:
      return stringArb({ ...s, maxLength: Math.min(s.maxLength ?? 20, 20) }, v);
  }
}

function pathParamArb(op: Operation, p: Parameter, v: ParamValues): fc.Arbitrary<string> {
  const own = v.own(op, p.name);
  if (own.length) return fc.constantFrom(...own);
  if (typeof p.schema.example === 'string') return fc.constant(p.schema.example);
  if (p.schema.pattern) return stringMatching(p.schema.pattern);
  return fc.uuid();
}

/** A valid-ish request: own ids, documented query values, a body built from the schema. */
function draftArb(op: Operation, v: ParamValues, force?: Path): fc.Arbitrary<Draft> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const params = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathParamArb(op, p, v)])),
  );
  const query = fc.tuple(
    ...queryParams.map((q) =>
      q.required
        ? validQueryValue(q, v)
        : isCursor(q)
          ? fc.constant(undefined)
          : fc.option(validQueryValue(q, v), { nil: undefined, freq: 2 }),
    ),
  );
  const body = op.body ? valueArb(op.body, v, force) : fc.constant(undefined);
  return fc.tuple(params, query, body).map(([ps, qs, json]) => ({
    params: Object.fromEntries(Object.entries(ps).map(([k, value]) => [k, { value }])),
    query: queryParams.flatMap((q, i) =>
      qs[i] === undefined ? [] : [{ name: q.name, value: qs[i]! }],
    ),
    headers: {},
    authorization: op.secured ? 'Bearer {token}' : null,
    body: json === undefined ? undefined : { json },
  }));
}

function render(op: Operation, d: Draft): FuzzRequest {
  let url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const p = d.params[name]!;
    return p.encoded ? p.value : encodeURIComponent(p.value);
  });
  const qs = d.query.map(
    (q) => `${encodeURIComponent(q.name)}=${q.encoded ? q.value : encodeURIComponent(q.value)}`,
  );
  if (d.resolvePath) url = new URL(url, 'http://parley.invalid').pathname;
  if (qs.length) url += `?${qs.join('&')}`;
  const body =
    d.body === undefined
      ? undefined
      : 'json' in d.body
        ? { type: 'application/json', text: jsonText(d.body.json) }
        : d.body;
  return { method: op.method, url, headers: d.headers, authorization: d.authorization, body };
}

// ---------------------------------------------------------------- cases

type Mutation = (d: Draft, v: ParamValues) => fc.Arbitrary<Draft> | Draft;

export function fuzzCases(op: Operation): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (
    inputClass: string,
    target: string | undefined,
    expect: Expectation,
    mutate: Mutation,
    options: { samples?: number; force?: Path; applies?: (v: ParamValues) => boolean } = {},
  ) =>
    cases.push({
      operation: op,
      inputClass,
      target,
      samples: options.samples ?? 1,
      applies: options.applies ?? (() => true),
      arbitrary: (v) =>
        draftArb(op, v, options.force)
          .chain((d) => {
            const out = mutate(d, v);
            return out instanceof fc.Arbitrary ? out : fc.constant(out);
          })
          .map((d) => ({ request: render(op, d), expect })),
    });

  add('valid', undefined, 'no-5xx', (d) => d, { samples: 3 });
  authCases(op, add);
  pathCases(op, add);
  queryCases(op, add);
  if (op.body) bodyCases(op, op.body, add);
  else if (['POST', 'PUT', 'PATCH'].includes(op.method)) {
    add('malformed-json', undefined, 'rejected', (d) => ({
      ...d,
      body: { type: 'application/json', text: '{"a":' },
    }));
    add('deep-nesting', 'body', 'no-5xx', (d) => ({
      ...d,
      body: { type: 'application/json', text: deepObject(DEPTH) },
    }));
  }
  return cases;
}

type Add = (
  inputClass: string,
  target: string | undefined,
  expect: Expectation,
  mutate: Mutation,
  options?: { samples?: number; force?: Path; applies?: (v: ParamValues) => boolean },
) => void;

function authCases(op: Operation, add: Add): void {
  if (op.secured) {
    add('unauthenticated', undefined, 'unauthorized', (d) => ({ ...d, authorization: null }));
    for (const [label, header] of BAD_AUTHORIZATION) {
      add('bad-authorization', label, 'unauthorized', (d) => ({ ...d, authorization: header }));
    }
  } else {
    add('bad-authorization', 'token then junk', 'no-5xx', (d) => ({
      ...d,
      authorization: 'Bearer {token} junk',
    }));
  }
}

const withParam = (d: Draft, name: string, value: string, encoded = false): Draft => ({
  ...d,
  params: { ...d.params, [name]: { value, encoded } },
});

function pathCases(op: Operation, add: Add): void {
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const stricter = (value: string): Expectation =>
      violatesString(p.schema, value) ? 'rejected' : 'no-5xx';
    if (p.name === 'id' || p.name.endsWith('_id')) {
      add(
        'other-users-id',
        p.name,
        'not-found',
        (d, v) => withParam(d, p.name, v.others(op, p.name)!),
        {
          applies: (v) => v.others(op, p.name) !== undefined,
        },
      );
    }
    add('random-id', p.name, 'no-5xx', (d) => fc.uuid().map((id) => withParam(d, p.name, id)));
    add('garbage-param', p.name, 'no-5xx', (d) =>
      fc
        .string({ minLength: 1, maxLength: 30 })
        // A lone `.` or `..` is a dot segment every URL client resolves away: the path-traversal
        // cases below send those on purpose.
        .filter((s) => s !== '.' && s !== '..')
        .map((s) => withParam(d, p.name, s)),
    );
    add('path-traversal', `${p.name} (unencoded)`, 'no-5xx', (d) =>
      withParam(d, p.name, '../../etc/passwd', true),
    );
    add('path-traversal', `${p.name} (resolved by the client)`, 'no-5xx', (d) => ({
      ...withParam(d, p.name, '../../../../etc/passwd', true),
      resolvePath: true,
    }));
    for (const [inputClass, probes] of Object.entries(STRING_PROBES)) {
      for (const pr of probes) {
        // A path is not a body: 2,000 characters stand for "huge" below the header size limit.
        const value = inputClass === 'huge-string' ? pr.value.slice(0, 2000) : pr.value;
        add(inputClass, `${p.name}: ${pr.label}`, stricter(value), (d) =>
          withParam(d, p.name, pr.url, true),
        );
      }
    }
  }
}

const withQuery = (d: Draft, name: string, values: string[], encoded = false): Draft => ({
  ...d,
  query: [
    ...d.query.filter((q) => q.name !== name),
    ...values.map((value) => ({ name, value, encoded })),
  ],
});

function queryCases(op: Operation, add: Add): void {
  for (const q of op.parameters.filter((x) => x.in === 'query')) {
    const s = q.schema;
    if (q.required) {
      add('missing-required', q.name, 'rejected', (d) => ({
        ...d,
        query: d.query.filter((x) => x.name !== q.name),
      }));
    }
    const kind = kindOf(s);
    if (kind === 'number') {
      for (const bad of badNumbers(s))
        add('bad-integer', `${q.name}=${JSON.stringify(bad)}`, 'rejected', (d) =>
          withQuery(d, q.name, [bad]),
        );
      add('bad-integer', `${q.name} twice`, 'rejected', (d) => withQuery(d, q.name, ['1', '2']));
    } else if (kind === 'boolean') {
      for (const bad of ['maybe', '2', ''])
        add('bad-boolean', `${q.name}=${JSON.stringify(bad)}`, 'rejected', (d) =>
          withQuery(d, q.name, [bad]),
        );
    } else if (s.enum?.length) {
      add('bad-enum', q.name, 'rejected', (d) => withQuery(d, q.name, ['no-such-value']));
    }
    if (isCursor(q)) {
      for (const bad of BAD_CURSORS)
        add('bad-cursor', `${q.name}=${bad}`, 'rejected', (d) => withQuery(d, q.name, [bad]));
    }
    if (kind === 'string' && s.maxLength !== undefined) {
      add('over-max-length', q.name, 'rejected', (d) =>
        withQuery(d, q.name, ['q'.repeat(s.maxLength! + 1)]),
      );
    }
    if (kind === 'string' || kind === 'any') {
      for (const [inputClass, probes] of Object.entries(STRING_PROBES)) {
        for (const pr of probes) {
          const value = inputClass === 'huge-string' ? pr.value.slice(0, 2000) : pr.value;
          const expect = isCursor(q) || violatesString(s, value) ? 'rejected' : 'no-5xx';
          add(inputClass, `${q.name}: ${pr.label}`, expect, (d) =>
            withQuery(d, q.name, [pr.url], true),
          );
        }
      }
    }
  }
  for (const h of op.parameters.filter((x) => x.in === 'header')) {
    for (const value of [
      'no-such-value',
      "'; DROP TABLE app.users; --",
      '../../etc/passwd',
      '-1',
      'x'.repeat(2000),
    ]) {
      add('bad-header', `${h.name}: ${value.slice(0, 30)}`, 'no-5xx', (d) => ({
        ...d,
        headers: { ...d.headers, [h.name]: value },
      }));
    }
  }
}

function bodyCases(op: Operation, schema: Schema, add: Add): void {
  const open = schema.additionalProperties === true || kindOf(schema) !== 'object';
  for (const f of fieldsOf(schema)) {
    const name = f.path.join('.');
    const kind = kindOf(f.schema);
    const set = (value: unknown) => (d: Draft) => ({
      ...d,
      body: { json: setAt((d.body as { json: unknown }).json, f.path, value) },
    });
    const force = { force: f.path };
    if (kind !== 'any') {
      add(
        'wrong-type',
        name,
        'rejected',
        (d) => fc.constantFrom(...WRONG_TYPES[kind]!).map((w) => set(w)(d)),
        { ...force, samples: 2 },
      );
    }
    add(
      'null',
      name,
      kind !== 'any' && !f.schema.nullable ? 'rejected' : 'no-5xx',
      set(null),
      force,
    );
    if (f.required) add('missing-required', name, 'rejected', set(REMOVE), force);
    if (stringLike(f.schema)) {
      for (const [inputClass, probes] of Object.entries(STRING_PROBES)) {
        for (const pr of probes) {
          const expect = violatesString(f.schema, pr.value) ? 'rejected' : 'no-5xx';
          add(inputClass, `${name}: ${pr.label}`, expect, set(new RawJson(pr.json)), force);
        }
      }
    }
    if (kind === 'object' || kind === 'array' || (kind === 'any' && !stringLike(f.schema))) {
      // JSON values are stored as jsonb, which has no NUL: in a key, in a string.
      const nul = kind === 'array' ? '["nul\\u0000byte"]' : '{"nul\\u0000key":"nul\\u0000byte"}';
      add('nul-byte', `${name}: inside a JSON value`, 'no-5xx', set(new RawJson(nul)), force);
    }
    const scalar = kind === 'string' || kind === 'number' || kind === 'boolean';
    add(
      'deep-nesting',
      name,
      scalar ? 'rejected' : 'no-5xx',
      set(new RawJson(deepArray(DEPTH))),
      force,
    );
  }
  const extend = (key: string, value: unknown) => (d: Draft) => ({
    ...d,
    body: { json: { ...(d.body as { json: object }).json, [key]: value } },
  });
  const closed: Expectation = open ? 'no-5xx' : 'rejected';
  add('unknown-field', 'zz_unknown_field', closed, extend('zz_unknown_field', 'x'));
  add(
    'constructor-key',
    'constructor',
    closed,
    extend('constructor', { prototype: { polluted: 'yes' } }),
  );
  add('constructor-key', '__proto__', closed, (d) => {
    const rest = jsonText((d.body as { json: unknown }).json).slice(1);
    const text = `{"__proto__":{"polluted":"yes"}${rest === '}' ? '' : ','}${rest}`;
    return { ...d, body: { type: 'application/json', text } };
  });
  add('deep-nesting', 'body (object)', closed, (d) => ({
    ...d,
    body: { type: 'application/json', text: deepObject(DEPTH) },
  }));
  add('deep-nesting', 'body (array)', 'rejected', (d) => ({
    ...d,
    body: { type: 'application/json', text: deepArray(DEPTH) },
  }));
  add('malformed-json', undefined, 'rejected', (d) => ({
    ...d,
    body: { type: 'application/json', text: '{"a":' },
  }));
  for (const text of ['[]', '"text"', '42', 'null']) {
    add('non-object-body', text, 'rejected', (d) => ({
      ...d,
      body: { type: 'application/json', text },
    }));
  }
  const accepts = (type: string) => op.bodyTypes.some((t) => t.startsWith(type));
  // A body of another media type is refused when there is one: never an empty body.
  const first = Object.keys(schema.properties ?? {})[0];
  const nonEmpty = first === undefined ? {} : { force: [first] };
  add(
    'urlencoded',
    undefined,
    accepts('application/x-www-form-urlencoded') ? 'no-5xx' : 'rejected',
    (d) => {
      const json = (d.body as { json: Record<string, unknown> }).json;
      const form = new URLSearchParams();
      for (const [k, value] of Object.entries(json ?? {})) {
        form.append(
          k,
          typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
        );
      }
      return { ...d, body: { type: 'application/x-www-form-urlencoded', text: form.toString() } };
    },
    nonEmpty,
  );
  add(
    'text-plain',
    undefined,
    accepts('text/plain') ? 'no-5xx' : 'rejected',
    (d) => ({
      ...d,
      body: { type: 'text/plain', text: jsonText((d.body as { json: unknown }).json) },
    }),
    nonEmpty,
  );
}
