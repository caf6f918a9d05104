import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { BlobUrlSigner } from '../../platform/storage/blob-url-signer.js';
import { UploadLinkSigner } from './upload-link.js';

const KEY = Buffer.alloc(32, 3);
const T0 = Date.UTC(2026, 0, 1);
const ID = '0190a0a0-0000-7000-8000-000000000001';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof DomainError ? err.code : 'not a domain error';
  }
}

describe('UploadLinkSigner', () => {
  let now = T0;
  const signer = new UploadLinkSigner(KEY, () => now);
  beforeEach(() => (now = T0));

  it('grants the upload it names until the expiry', () => {
    const link = signer.link(ID, 60);
    expect(codeOf(() => signer.verify(ID, link))).toBeUndefined();
    now = T0 + 60_000;
    expect(codeOf(() => signer.verify(ID, link))).toBe(ErrorCode.LinkExpired);
  });

  it('refuses a link altered, for another upload, or missing parts', () => {
    const link = signer.link(ID, 60);
    expect(codeOf(() => signer.verify(ID.replace(/1$/, '2'), link))).toBe(
      ErrorCode.InvalidSignature,
    );
    expect(codeOf(() => signer.verify(ID, { ...link, exp: String(Number(link.exp) + 1) }))).toBe(
      ErrorCode.InvalidSignature,
    );
    expect(codeOf(() => signer.verify(ID, { exp: link.exp }))).toBe(ErrorCode.InvalidSignature);
  });

  it('is not a download link: the blob signer with the same key signs differently', () => {
    const download = new BlobUrlSigner(KEY, () => now).link(ID, 60);
    expect(codeOf(() => signer.verify(ID, download))).toBe(ErrorCode.InvalidSignature);
  });
});
