import fc from 'fast-check';
import { rolloutBucket } from './bucketing.js';
import { evaluateFlag, FlagEnvironment, FlagVariant, FlagVisibility } from './evaluation.js';

/**
 * MurmurHash3 x86_32 written from the reference (SMHasher's MurmurHash3.cpp),
 * independent of the library the service uses.
 */
function referenceMurmur3(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const mix = (k: number) => {
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    return Math.imul(k, c2);
  };
  let h = seed >>> 0;
  const blocks = bytes.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h ^= mix(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = bytes.length & 3;
  let k = 0;
  if (tail >= 3) k ^= bytes[blocks + 2]! << 16;
  if (tail >= 2) k ^= bytes[blocks + 1]! << 8;
  if (tail >= 1) {
    k ^= bytes[blocks]!;
    h ^= mix(k);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('rollout bucketing', () => {
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['hello', 0, 0x248bfa47],
    ['abc', 0, 0xb3dd93fa],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['Hello, world!', 0, 0xc0363e43],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
  ])('the reference hashes %j (seed %d) to the published value', (text, seed, expected) => {
    expect(referenceMurmur3(utf8(text), seed)).toBe(expected);
  });

  it.each([
    ['memory-lake', 'user-1', 74],
    ['memory-lake', 'user-2', 15],
    ['new-onboarding', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 94],
    ['beta', 'de', 38],
    ['guest-sign-up', 'web', 26],
    ['beta', 'ü-ß', 82],
  ])('buckets %s for %j into %d', (flag, value, bucket) => {
    expect(referenceMurmur3(utf8(`${flag}:${value}`)) % 100).toBe(bucket);
    expect(rolloutBucket(flag, value)).toBe(bucket);
  });

  it('agrees with the reference on any name and value, and stays in 0..99', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (flag, value) => {
        const bucket = rolloutBucket(flag, value);
        expect(bucket).toBe(referenceMurmur3(utf8(`${flag}:${value}`)) % 100);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(100);
      }),
    );
  });

  it('never drops a caller when the percentage rises', () => {
    const flagAt = (name: string, percentage: number) => ({
      name,
      isEnabled: true,
      environment: FlagEnvironment.All,
      visibility: FlagVisibility.All,
      variant: FlagVariant.All,
      targetingRules: { rules: [], rollout: { percentage, stickiness: 'user_id' as const } },
      version: 1,
    });
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        fc.uuid(),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (name, userId, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const context = { user_id: userId };
          const before = evaluateFlag(
            flagAt(name, low),
            context,
            FlagEnvironment.Production,
            'backend',
          );
          const after = evaluateFlag(
            flagAt(name, high),
            context,
            FlagEnvironment.Production,
            'backend',
          );
          if (before.value) expect(after.value).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('admits about the share the percentage names', () => {
    let admitted = 0;
    for (let i = 0; i < 10_000; i++) if (rolloutBucket('share', `user-${i}`) < 30) admitted++;
    expect(admitted / 10_000).toBeGreaterThan(0.27);
    expect(admitted / 10_000).toBeLessThan(0.33);
  });
});
