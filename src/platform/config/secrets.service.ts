import { Inject, Injectable } from '@nestjs/common';
import {
  createPrivateKey,
  createPublicKey,
  createHash,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './config.js';
import { ConfigError } from './config.js';
import { APP_CONFIG } from './config.tokens.js';

interface StoredSecrets {
  jwtPrivateKeyPem: string;
  encryptionKey: string;
}

export interface JwtKeys {
  algorithm: 'ES256';
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * Secrets come from the environment; in the embedded default (and development)
 * missing ones are generated once and kept under DATA_DIR with mode 0600, so a
 * restart keeps sessions and encrypted data readable.
 */
@Injectable()
export class SecretsService {
  readonly jwt: JwtKeys;
  /** Encryption keys by id; `currentKeyId` encrypts, any listed id decrypts (rotation). */
  readonly encryptionKeys: ReadonlyMap<string, Buffer>;
  readonly currentKeyId: string;
  /** HMAC key for signed blob URLs, derived so that operators manage one secret. */
  readonly urlSigningKey: Buffer;
  /** HMAC key for access tickets (stream events opened without an Authorization header). */
  readonly ticketSigningKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const env = config.env;
    const stored = env.JWT_PRIVATE_KEY && env.ENCRYPTION_KEY ? undefined : loadOrCreate(config);

    const privatePem = normalisePem(env.JWT_PRIVATE_KEY ?? stored!.jwtPrivateKeyPem);
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(privatePem);
    } catch {
      throw new ConfigError(['JWT_PRIVATE_KEY: not a PEM private key']);
    }
    if (
      privateKey.asymmetricKeyType !== 'ec' ||
      privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
    ) {
      throw new ConfigError(['JWT_PRIVATE_KEY: expected an EC P-256 key (ES256)']);
    }
    const publicKey = env.JWT_PUBLIC_KEY
      ? createPublicKey(normalisePem(env.JWT_PUBLIC_KEY))
      : createPublicKey(privateKey);
    const kid =
      env.JWT_KEY_ID ??
      createHash('sha256')
        .update(publicKey.export({ type: 'spki', format: 'der' }))
        .digest('base64url')
        .slice(0, 16);
    this.jwt = { algorithm: 'ES256', kid, privateKey, publicKey };

    const keys = parseEncryptionKeys(env.ENCRYPTION_KEY ?? stored!.encryptionKey);
    this.encryptionKeys = keys.map;
    this.currentKeyId = keys.current;
    this.urlSigningKey = Buffer.from(
      hkdfSync(
        'sha256',
        keys.map.get(keys.current)!,
        Buffer.alloc(0),
        'parley/blob-url-signing',
        32,
      ),
    );
    this.ticketSigningKey = Buffer.from(
      hkdfSync('sha256', keys.map.get(keys.current)!, Buffer.alloc(0), 'parley/access-tickets', 32),
    );
  }
}

function normalisePem(value: string): string {
  // Environment files often carry PEMs on one line with literal "\n".
  return value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
}

export function parseEncryptionKeys(value: string): { map: Map<string, Buffer>; current: string } {
  const map = new Map<string, Buffer>();
  let current = '';
  for (const [index, entry] of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .entries()) {
    const sep = entry.indexOf(':');
    const kid = sep > 0 ? entry.slice(0, sep) : 'k1';
    const key = Buffer.from(sep > 0 ? entry.slice(sep + 1) : entry, 'base64');
    if (key.length !== 32) {
      throw new ConfigError([
        'ENCRYPTION_KEY: each key must be 32 bytes, base64-encoded ([id:]key, comma-separated)',
      ]);
    }
    if (map.has(kid)) throw new ConfigError([`ENCRYPTION_KEY: key id "${kid}" appears twice`]);
    map.set(kid, key);
    if (index === 0) current = kid;
  }
  if (map.size === 0) throw new ConfigError(['ENCRYPTION_KEY: no key given']);
  return { map, current };
}

function loadOrCreate(config: AppConfig): StoredSecrets {
  const file = path.join(config.dataDir, 'secrets.json');
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets;
  }
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const secrets: StoredSecrets = {
    jwtPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    encryptionKey: `k1:${randomBytes(32).toString('base64')}`,
  };
  fs.mkdirSync(config.dataDir, { recursive: true });
  // wx: two instances starting at once must not overwrite each other's keys.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets;
    }
    throw err;
  }
  return secrets;
}
