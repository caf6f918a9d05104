import { assertBlobKey } from '../../platform/storage/blob-key.js';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The content key of an artifact blob: `artifacts/{sha[0:2]}/{sha[2:4]}/{sha256}`. */
export function artifactBlobKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('an artifact key needs a lowercase hex SHA-256');
  return assertBlobKey(`artifacts/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`);
}
