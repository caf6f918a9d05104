import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Opaque secrets (refresh, reset, client) are random; only their SHA-256 is stored. */
export function newOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}
