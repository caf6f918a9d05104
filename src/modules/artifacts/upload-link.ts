import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';

const EXP = /^\d{1,12}$/;
const SIG = /^[A-Za-z0-9_-]{43}$/;

/**
 * The filesystem store's stand-in for a presigned PUT: an API link that grants
 * one upload's content until it expires, HMAC-signed with a key of its own
 * purpose (so a download link can never pass for it, nor the other way round).
 */
export class UploadLinkSigner {
  private readonly key: Buffer;

  constructor(
    urlSigningKey: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', urlSigningKey).update('parley/artifact-upload-link').digest();
  }

  sign(uploadId: string, exp: number): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify(['parley-artifact-upload-v1', uploadId, exp]))
      .digest('base64url');
  }

  link(uploadId: string, ttlSeconds: number): { exp: string; sig: string } {
    const exp = Math.floor(this.now() / 1000) + ttlSeconds;
    return { exp: String(exp), sig: this.sign(uploadId, exp) };
  }

  /** 403 when altered, 410 once expired (judged after the signature). */
  verify(uploadId: string, query: { exp?: string; sig?: string }): void {
    if (!EXP.test(query.exp ?? '') || !SIG.test(query.sig ?? '')) throw invalid();
    const expected = Buffer.from(this.sign(uploadId, Number(query.exp)));
    const given = Buffer.from(query.sig!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    if (this.now() >= Number(query.exp) * 1000) {
      throw new DomainError(ErrorCode.LinkExpired, 'This upload link has expired.');
    }
  }
}

function invalid(): DomainError {
  return new DomainError(ErrorCode.InvalidSignature, 'This upload link is not valid.');
}
