import { assertBlobKey } from '../../platform/storage/blob-key.js';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The content key of an artifact blob: `artifacts/{sha[0:2]}/{sha[2:4]}/{sha256}`. */
export function artifactBlobKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('an artifact key needs a lowercase hex SHA-256');
  return assertBlobKey(`artifacts/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
}

/** Where uploads land while their SHA-256 is still being computed. */
export const STAGING_PREFIX = 'staging/artifacts/';

/** A fresh staging key for one upload (time-ordered, so a sweep reads the oldest first). */
export function stagingKey(id: string): string {
  return assertBlobKey(`${STAGING_PREFIX}${id}`);
}
