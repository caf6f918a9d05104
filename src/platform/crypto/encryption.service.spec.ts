import { randomBytes } from 'node:crypto';
import { parseEncryptionKeys, type SecretsService } from '../config/secrets.service.js';
import { EncryptionService } from './encryption.service.js';

function service(keys: string): EncryptionService {
  const { map, current } = parseEncryptionKeys(keys);
  return new EncryptionService({
    encryptionKeys: map,
    currentKeyId: current,
  } as unknown as SecretsService);
}

const key = () => randomBytes(32).toString('base64');

describe('EncryptionService', () => {
  it('round-trips, names its key, and never shows the plaintext', () => {
    const enc = service(`k1:${key()}`);
    const sealed = enc.encrypt('sk-very-secret', 'user:1');
    expect(sealed).toMatch(/^v1:k1:/);
    expect(sealed).not.toContain('sk-very-secret');
    expect(enc.decrypt(sealed, 'user:1')).toBe('sk-very-secret');
  });

  it('refuses a ciphertext moved to other associated data or tampered with', () => {
    const enc = service(`k1:${key()}`);
    const sealed = enc.encrypt('secret', 'user:1');
    expect(() => enc.decrypt(sealed, 'user:2')).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('forged').toString('base64');
    expect(() => enc.decrypt(parts.join(':'), 'user:1')).toThrow();
  });

  it('opens old envelopes after rotation and seals new ones with the first key', () => {
    const k1 = key();
    const before = service(`k1:${k1}`).encrypt('secret', 'ad');
    const rotated = service(`k2:${key()},k1:${k1}`);
    expect(rotated.decrypt(before, 'ad')).toBe('secret');
    expect(rotated.needsRotation(before)).toBe(true);
    expect(rotated.encrypt('secret', 'ad')).toMatch(/^v1:k2:/);
  });
});
