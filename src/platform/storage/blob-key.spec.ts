import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';
import { assertBlobKey, assertBlobPrefix, isValidBlobKey } from './blob-key.js';

const SHA = 'a'.repeat(64);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a domain error';
  }
}

describe('blob keys', () => {
  it.each([
    ['a content key', `artifacts/aa/aa/${SHA}`],
    ['a dated export', 'exports/user-1/2026-01-01T00_00_00Z.json'],
    ['one letter', 'a'],
    ['every allowed sign', 'A.b_c=d+e-f'],
    ['the longest segment', 'x'.repeat(200)],
  ])('accepts %s', (_label, key) => {
    expect(assertBlobKey(key)).toBe(key);
    expect(isValidBlobKey(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['absolute', '/etc/passwd'],
    ['parent', '../secrets.json'],
    ['parent inside', 'artifacts/../../secrets.json'],
    ['current', 'artifacts/./x'],
    ['trailing parent', 'artifacts/..'],
    ['backslash', 'artifacts\\..\\x'],
    ['windows parent', '..\\x'],
    ['empty segment', 'artifacts//x'],
    ['trailing slash', 'artifacts/'],
    ['dot-name', 'artifacts/.tmp/x'],
    ['hidden sidecar', 'artifacts/.x.meta'],
    ['space', 'a b'],
    ['percent', 'a%2F..'],
    ['nul', 'a\0b'],
    ['newline', 'a\nb'],
    ['non-ASCII', 'café'],
    ['colon', 'C:/x'],
    ['long segment', 'x'.repeat(201)],
    ['long key', 'ab/'.repeat(400) + 'x'],
  ])('rejects a key that is %s', (_label, key) => {
    expect(codeOf(() => assertBlobKey(key))).toBe(ErrorCode.InvalidBlobKey);
    expect(isValidBlobKey(key)).toBe(false);
  });

  it('rejects what is not a string at all', () => {
    expect(codeOf(() => assertBlobKey(undefined as unknown as string))).toBe(
      ErrorCode.InvalidBlobKey,
    );
  });

  it.each(['', 'artifacts/', 'artifacts/ab', 'artifacts/ab/cd/', 'a'])(
    'accepts the listing prefix %j',
    (prefix) => {
      expect(assertBlobPrefix(prefix)).toBe(prefix);
    },
  );

  it.each(['/', '/artifacts', '../', 'artifacts/../', 'a//', 'a\\', '.tmp/', 'a/.t', 'a b'])(
    'rejects the listing prefix %j',
    (prefix) => {
      expect(codeOf(() => assertBlobPrefix(prefix))).toBe(ErrorCode.InvalidBlobKey);
    },
  );
});
