import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';

/** S3's own limit on key length; keeping to it lets a key move between drivers. */
export const MAX_KEY_LENGTH = 1024;
/** Leaves room under the filesystem's 255-byte name limit for the metadata sidecar. */
const MAX_SEGMENT_LENGTH = 200;
/**
 * A segment never starts with a dot: that rules out `.` and `..`, and leaves
 * dot-names free for the filesystem driver's temporary and metadata files.
 */
const SEGMENT = /^[A-Za-z0-9_=+-][A-Za-z0-9._=+-]*$/;

/**
 * Checks a blob key (`artifacts/ab/cd/<sha256>`): slash-separated segments of
 * letters, digits and `._=+-`, no empty segment, no leading or trailing slash.
 * One rule for every driver, so a key accepted here can never name a path
 * outside the filesystem driver's folder.
 */
export function assertBlobKey(key: string): string {
  const problem = keyProblem(key);
  if (problem) throw invalidKey(key, problem);
  return key;
}

/**
 * Checks a listing prefix: every complete segment follows the key rules and the
 * last, possibly partial, one may be empty (`artifacts/`) or a segment's start.
 */
export function assertBlobPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  const segments = prefix.split('/');
  const last = segments.pop()!;
  const problem =
    (segments.length > 0 ? keyProblem(segments.join('/')) : undefined) ??
    (last === '' || SEGMENT.test(last) ? undefined : 'its last segment has a forbidden character');
  if (problem || prefix.length > MAX_KEY_LENGTH) {
    throw invalidKey(prefix, problem ?? 'it is too long', 'prefix');
  }
  return prefix;
}

export function isValidBlobKey(key: string): boolean {
  return keyProblem(key) === undefined;
}

function keyProblem(key: string): string | undefined {
  if (typeof key !== 'string' || key.length === 0) return 'it is empty';
  if (key.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'it starts with a slash';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment';
    if (segment === '.' || segment === '..') return 'it has a relative segment';
    if (segment.length > MAX_SEGMENT_LENGTH) return 'a segment is too long';
    if (!SEGMENT.test(segment))
      return 'it has a forbidden character or a segment starting with a dot';
  }
  return undefined;
}

function invalidKey(key: string, reason: string, what = 'key'): DomainError {
  // The key itself is echoed shortened: it came from a caller and may be long.
  return new DomainError(ErrorCode.InvalidBlobKey, `The blob ${what} is invalid: ${reason}.`, {
    key: String(key).slice(0, 120),
  });
}
