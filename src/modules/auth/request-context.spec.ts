import { CAPABILITIES_HEADER_MAX_BYTES, parseCapabilities } from './request-context.js';

describe('parseCapabilities', () => {
  it('takes a flat object of scalars and arrays of scalars', () => {
    expect(
      parseCapabilities('{"streaming":true,"max_tokens":4096,"formats":["md",1,null],"x":null}'),
    ).toEqual({ streaming: true, max_tokens: 4096, formats: ['md', 1, null], x: null });
    expect(parseCapabilities('{}')).toEqual({});
  });

  it.each([
    ['{"a":', 'must be valid JSON'],
    ['[1]', 'must be a JSON object'],
    ['"text"', 'must be a JSON object'],
    ['null', 'must be a JSON object'],
    ['{"a":{"b":1}}', '"a" must be'],
    ['{"a":[[1]]}', '"a" must be'],
    ['{"a":[{"b":1}]}', '"a" must be'],
    ['{"bad key":1}', 'key "bad key"'],
    ['{"":1}', 'key ""'],
    [`{"a":"${'s'.repeat(257)}"}`, '"a" must be'],
    [`{"a":[${Array(65).fill(1).join(',')}]}`, '"a" must be'],
    [
      JSON.stringify(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 1]))),
      'at most 64 keys',
    ],
    [`{"a":"${'s'.repeat(CAPABILITIES_HEADER_MAX_BYTES)}"}`, 'at most 4096 bytes'],
  ])('refuses %s', (raw, why) => {
    const result = parseCapabilities(raw);
    expect(typeof result).toBe('string');
    expect(result).toContain(why);
  });
});
