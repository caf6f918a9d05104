import { randomBytes } from 'node:crypto';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';
import { BlobUrlSigner, type BlobLinkQuery } from './blob-url-signer.js';

const SECRET = Buffer.alloc(32, 7);
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

function clock(start = T0) {
  let now = start;
  return { now: () => now, set: (ms: number) => (now = ms) };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a domain error';
  }
}

describe('BlobUrlSigner', () => {
  const time = clock();
  const signer = new BlobUrlSigner(SECRET, time.now);
  const query = signer.link('artifacts/ab/cd/x', 300, 'report.pdf', 'application/pdf');

  beforeEach(() => time.set(T0));

  it('grants exactly what it signed, until the expiry', () => {
    expect(query.exp).toBe(String(T0 / 1000 + 300));
    expect(signer.verify(query)).toEqual({
      key: 'artifacts/ab/cd/x',
      exp: T0 / 1000 + 300,
      filename: 'report.pdf',
      contentType: 'application/pdf',
    });
    time.set(T0 + 299_999);
    expect(signer.verify(query).key).toBe('artifacts/ab/cd/x');
  });

  it('answers an expired link with link-expired, from the expiry second on', () => {
    time.set(T0 + 300_000);
    expect(codeOf(() => signer.verify(query))).toBe(ErrorCode.LinkExpired);
    time.set(T0 + 86_400_000);
    expect(codeOf(() => signer.verify(query))).toBe(ErrorCode.LinkExpired);
  });

  it.each<[string, Partial<BlobLinkQuery>]>([
    ['key', { key: 'artifacts/ab/cd/y' }],
    ['expiry pushed later', { exp: String(T0 / 1000 + 3600) }],
    ['file name', { name: 'report.html' }],
    ['file name removed', { name: undefined }],
    ['content type', { type: 'text/html' }],
    ['content type added', { type: 'text/html', name: undefined }],
    ['signature', { sig: `${query.sig.slice(0, -1)}${query.sig.endsWith('A') ? 'B' : 'A'}` }],
    ['signature truncated', { sig: query.sig.slice(0, 42) }],
    ['signature padded', { sig: `${query.sig}=` }],
    ['expiry malformed', { exp: '1e12' }],
    ['expiry negative', { exp: '-1' }],
  ])('refuses a link whose %s was altered', (_label, change) => {
    expect(codeOf(() => signer.verify({ ...query, ...change }))).toBe(ErrorCode.InvalidSignature);
  });

  it('judges the signature before the expiry', () => {
    time.set(T0 + 600_000);
    const tampered = { ...query, exp: String(T0 / 1000 + 3600) };
    expect(codeOf(() => signer.verify(tampered))).toBe(ErrorCode.InvalidSignature);
  });

  it('refuses a link signed with another secret', () => {
    const other = new BlobUrlSigner(randomBytes(32), time.now);
    expect(codeOf(() => signer.verify(other.link('artifacts/x', 300)))).toBe(
      ErrorCode.InvalidSignature,
    );
  });

  it('keeps the fields apart, so moving text between them breaks the signature', () => {
    const a = signer.link('k', 300, 'a,b');
    const moved = { ...a, name: 'a', type: 'b' };
    expect(codeOf(() => signer.verify(moved))).toBe(ErrorCode.InvalidSignature);
  });

  it('refuses a short secret', () => {
    expect(() => new BlobUrlSigner(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
