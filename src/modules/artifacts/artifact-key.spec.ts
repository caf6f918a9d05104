import { isValidBlobKey } from '../../platform/storage/blob-key.js';
import { artifactBlobKey } from './artifact-key.js';

describe('artifactBlobKey', () => {
  const sha = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

  it('fans the content out by the first two byte pairs of its hash', () => {
    expect(artifactBlobKey(sha)).toBe(`artifacts/9f/86/${sha}`);
    expect(isValidBlobKey(artifactBlobKey(sha))).toBe(true);
  });

  it.each(['', 'abc', sha.toUpperCase(), `${sha}0`, '../'.repeat(21) + 'a', 'g'.repeat(64)])(
    'refuses %j',
    (value) => {
      expect(() => artifactBlobKey(value)).toThrow(/SHA-256/);
    },
  );
});
