import { canonicalJson, contentHash } from './content-hash.js';

describe('content hash', () => {
  it('ignores key order at every depth, and undefined fields', () => {
    const a = { role: 'user', parts: [{ type: 'text', text: 'hi', extra: { b: 1, a: 2 } }] };
    const b = {
      parts: [{ extra: { a: 2, b: 1 }, text: 'hi', type: 'text' }],
      role: 'user',
      x: undefined,
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it('tells apart values that differ anywhere, including array order and null vs missing', () => {
    const base = contentHash({ role: 'user', content: 'hi', parts: [1, 2] });
    expect(contentHash({ role: 'user', content: 'hi!', parts: [1, 2] })).not.toBe(base);
    expect(contentHash({ role: 'user', content: 'hi', parts: [2, 1] })).not.toBe(base);
    expect(contentHash({ role: 'user', content: null })).not.toBe(contentHash({ role: 'user' }));
    expect(contentHash('1')).not.toBe(contentHash(1));
  });
});
