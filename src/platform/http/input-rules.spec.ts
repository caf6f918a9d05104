import { DomainError } from './domain-error.js';
import { checkInput, MAX_JSON_DEPTH } from './input-rules.js';

function nested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

function errorsOf(input: unknown): { field: string; message: string }[] {
  const problem = checkInput(input);
  expect(problem).toBeInstanceOf(DomainError);
  return problem!.extensions.errors ?? [];
}

describe('checkInput', () => {
  it('passes ordinary JSON, emoji and empty values', () => {
    expect(checkInput({ a: [1, 'two', { three: null, e: '\ud83d\ude00' }], b: true })).toBe(
      undefined,
    );
    expect(checkInput(undefined)).toBeUndefined();
    expect(checkInput({})).toBeUndefined();
  });

  it('bounds the depth, the body itself being the first level, without recursion', () => {
    expect(checkInput(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(checkInput(nested(MAX_JSON_DEPTH + 1))?.code).toBe('nesting-too-deep');
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(checkInput(deep)?.code).toBe('nesting-too-deep');
  });

  it('names every NUL and lone surrogate by its path, in document order', () => {
    expect(
      errorsOf({ a: 'ok\u0000', b: [{ c: 'x' }, { c: '\ud800' }], d: '\udc00x' }).map(
        (e) => e.field,
      ),
    ).toEqual(['a', 'b.1.c', 'd']);
  });

  it('checks field names as well as values', () => {
    expect(errorsOf({ meta: { 'k\u0000': 1 } })[0]!.field).toBe('meta.k\u0000');
    expect(errorsOf({ ['\udbff']: 1 })[0]!.message).toMatch(/field name/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as an unknown field', (key) => {
    const input = JSON.parse(`{"x":{"${key}":{"y":1}}}`) as unknown;
    expect(errorsOf(input)).toEqual([
      { field: `x.${key}`, message: `x.${key} is not an allowed field` },
    ]);
  });

  it('allows those words as values and as array positions', () => {
    expect(checkInput({ name: 'constructor', list: ['__proto__'] })).toBeUndefined();
  });
});
