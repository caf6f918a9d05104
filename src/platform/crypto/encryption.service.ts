import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretsService } from '../config/secrets.service.js';

/**
 * AES-256-GCM for secrets at rest. The envelope names the key that sealed it,
 * so ENCRYPTION_KEY can rotate: new writes use the first key, old ones still open.
 */
@Injectable()
export class EncryptionService {
  constructor(private readonly secrets: SecretsService) {}

  encrypt(plaintext: string, associatedData: string): string {
    const keyId = this.secrets.currentKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secrets.encryptionKeys.get(keyId)!, iv);
    cipher.setAAD(Buffer.from(associatedData));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      'v1',
      keyId,
      iv.toString('base64'),
      body.toString('base64'),
      cipher.getAuthTag().toString('base64'),
    ].join(':');
  }

  decrypt(envelope: string, associatedData: string): string {
    const [version, keyId, iv, body, tag] = envelope.split(':');
    const key = keyId ? this.secrets.encryptionKeys.get(keyId) : undefined;
    if (version !== 'v1' || !key || !iv || !body || !tag) {
      throw new Error('unreadable envelope or unknown encryption key id');
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  needsRotation(envelope: string): boolean {
    return envelope.split(':')[1] !== this.secrets.currentKeyId;
  }
}
