import { decodeVector, encodeVector } from './vector-codec.js';

describe('vector codec', () => {
  it('round-trips a vector at float32 precision, in a quarter of its JSON size', () => {
    const vector = Array.from({ length: 384 }, (_, i) => Math.sin(i) / 7);
    const encoded = encodeVector(vector);
    const decoded = decodeVector(encoded)!;
    expect(decoded).toHaveLength(384);
    decoded.forEach((x, i) => expect(x).toBe(Math.fround(vector[i]!)));
    expect(encoded.length).toBeLessThan(JSON.stringify(vector).length / 3);
  });

  it('reads entries cached as JSON arrays, and refuses what is neither', () => {
    expect(decodeVector([1, 2, 3])).toEqual([1, 2, 3]);
    expect(decodeVector({ x: 1 })).toBeUndefined();
    expect(decodeVector('abc')).toBeUndefined();
  });
});
