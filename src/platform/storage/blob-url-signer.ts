import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';

/** What a signed download link grants: one key, until `exp`, served under this name and type. */
export interface BlobLink {
  key: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
  filename?: string;
  contentType?: string;
}

/** A link's query string as it comes back to the download route. */
export interface BlobLinkQuery {
  key: string;
  exp: string;
  sig: string;
  name?: string;
  type?: string;
}

const EXP = /^\d{1,12}$/;
const SIG = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signs and checks the filesystem driver's download links: HMAC-SHA256 over
 * everything the link decides (key, expiry, file name, content type), so none
 * of them can be changed without the secret. The clock is injectable so tests
 * can stand on either side of an expiry.
 */
export class BlobUrlSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    if (secret.length < 32) throw new Error('The blob URL signing key must be at least 32 bytes');
  }

  link(key: string, ttlSeconds: number, filename?: string, contentType?: string): BlobLinkQuery {
    const exp = Math.floor(this.now() / 1000) + ttlSeconds;
    const link: BlobLink = { key, exp, filename, contentType };
    return {
      key,
      exp: String(exp),
      ...(filename !== undefined ? { name: filename } : {}),
      ...(contentType !== undefined ? { type: contentType } : {}),
      sig: this.sign(link),
    };
  }

  sign(link: BlobLink): string {
    // JSON keeps the fields apart: no value can bleed into its neighbour.
    const message = JSON.stringify([
      'parley-blob-link-v1',
      link.key,
      link.exp,
      link.filename ?? null,
      link.contentType ?? null,
    ]);
    return createHmac('sha256', this.secret).update(message).digest('base64url');
  }

  /**
   * The link the query grants, or a 403 when anything was altered, or a 410
   * once it has expired. Expiry is judged only after the signature, so an
   * altered expiry reads as tampering, not as a live or dead link.
   */
  verify(query: BlobLinkQuery): BlobLink {
    if (!EXP.test(query.exp) || !SIG.test(query.sig)) throw invalid();
    const link: BlobLink = {
      key: query.key,
      exp: Number(query.exp),
      filename: query.name,
      contentType: query.type,
    };
    const expected = Buffer.from(this.sign(link));
    const given = Buffer.from(query.sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    if (this.now() >= link.exp * 1000) {
      throw new DomainError(ErrorCode.LinkExpired, 'This download link has expired.');
    }
    return link;
  }
}

function invalid(): DomainError {
  return new DomainError(ErrorCode.InvalidSignature, 'This download link is not valid.');
}

export const BLOB_URL_SIGNER = Symbol('BLOB_URL_SIGNER');
