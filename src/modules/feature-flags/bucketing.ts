import murmurhash from 'murmurhash';

const utf8 = new TextEncoder();

/**
 * The rollout bucket (0–99) of a caller for a flag: MurmurHash3 (x86, 32-bit,
 * seed 0) of the UTF-8 bytes of `<flag name>:<stickiness value>`, mod 100. A
 * caller is admitted when its bucket is below the percentage, so raising the
 * percentage keeps everyone already admitted.
 */
export function rolloutBucket(flagName: string, stickinessValue: string): number {
  return murmurhash.v3(utf8.encode(`${flagName}:${stickinessValue}`)) % 100;
}
