import fc from 'fast-check';
import { checkInput } from '../../src/platform/http/input-rules.js';
import { kindOf, stringLike, type Schema } from './openapi-document.js';

/** Valid-ish values for an OpenAPI schema: what the document says a field accepts. */

/** Where uuid fields take their values from: ids that exist, so requests reach past lookups. */
export interface IdSource {
  ids(): string[];
}

/** A path into a JSON value: keys and array indexes. */
export type Path = (string | number)[];

const matching = new Map<string, fc.Arbitrary<string>>();

/**
 * Strings a pattern matches. Building one parses the pattern, most of the cost
 * of a sample; arbitraries hold no state, so one per pattern draws the same
 * values from the same seed.
 */
export function stringMatching(pattern: string): fc.Arbitrary<string> {
  let arb = matching.get(pattern);
  if (!arb) matching.set(pattern, (arb = fc.stringMatching(new RegExp(pattern))));
  return arb;
}

export function stringArb(s: Schema, v: IdSource): fc.Arbitrary<string> {
  if (s.format === 'uuid') {
    const ids = v.ids();
    return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  }
  if (s.format === 'date-time') {
    return fc
      .integer({ min: 1, max: 300 })
      .map((d) => new Date(Date.now() + d * 86_400_000).toISOString());
  }
  if (s.format === 'email') {
    return stringMatching('^[a-z]{3,12}$').map((name) => `fuzz-${name}@example.test`);
  }
  const example = typeof s.example === 'string' ? [fc.constant(s.example)] : [];
  if (s.pattern) {
    return fc.oneof(
      ...example,
      stringMatching(s.pattern).filter((x) => !s.maxLength || x.length <= s.maxLength),
    );
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, Math.max(minLength, 40));
  return fc.oneof(...example, fc.string({ minLength, maxLength }));
}

function numberArb(s: Schema): fc.Arbitrary<number> {
  const min = s.minimum ?? -1000;
  const max = s.maximum ?? 1000;
  const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  if (s.type === 'integer') return ints;
  return fc.oneof(ints, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** Values that satisfy `s` as far as the document says; `force` keeps a path present. */
export function valueArb(s: Schema, v: IdSource, force?: Path): fc.Arbitrary<unknown> {
  const base = baseArb(s, v, force);
  if (!s.nullable || force) return base;
  return fc.oneof({ arbitrary: base, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 });
}

function baseArb(s: Schema, v: IdSource, force?: Path): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  switch (kindOf(s)) {
    case 'string':
      return stringArb(s, v);
    case 'number':
      return numberArb(s);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const forced = force?.[0] === 0;
      const item = valueArb(s.items ?? {}, v);
      const minLength = Math.max(s.minItems ?? 0, forced ? 1 : 0);
      const maxLength = Math.min(s.maxItems ?? 3, Math.max(minLength, 3));
      if (!forced) return fc.array(item, { minLength, maxLength });
      return fc
        .tuple(
          valueArb(s.items ?? {}, v, force!.slice(1)),
          fc.array(item, { maxLength: maxLength - 1 }),
        )
        .map(([first, rest]) => [first, ...rest]);
    }
    case 'object': {
      if (!s.properties) {
        return fc.dictionary(
          fc.constantFrom('chapter', 'source', 'n'),
          fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
          {
            maxKeys: 3,
          },
        );
      }
      const props = s.properties;
      const model = Object.fromEntries(
        Object.entries(props).map(([k, ps]) => [
          k,
          valueArb(ps, v, force?.[0] === k ? force.slice(1) : undefined),
        ]),
      );
      const requiredKeys = [...(s.required ?? []), ...(force ? [String(force[0])] : [])].filter(
        (k) => k in props,
      );
      return fc.record(model, { requiredKeys });
    }
    case 'any':
      return stringLike(s)
        ? stringArb({ ...s, type: 'string' }, v)
        : fc.oneof(
            fc.constant({ text: 'remember the milk' }),
            // Any JSON the input rules every route applies let through (no prototype keys, NULs).
            fc.jsonValue({ maxDepth: 2 }).filter((value) => checkInput(value) === undefined),
          );
  }
}
