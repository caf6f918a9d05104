import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../../../src/modules/users/api-keys.service.js';
import { UsersService } from '../../../src/modules/users/users.service.js';
import { startTestApp, testConfig } from '../../support/app.js';

/** GCM refuses to open a sealed key whose bytes or associated data differ from the sealing. */
const UNAUTHENTIC = /unable to authenticate data/;

describe('user API keys: sealed at rest, bound to their owner and provider', () => {
  let app: NestExpressApplication;
  let keys: ApiKeysService;
  const db = () => app.get(DataSource);
  const newUser = async () => (await app.get(UsersService).createGuest()).id;

  const ciphertextOf = async (userId: string, provider: string) => {
    const rows = (await db().query(
      `SELECT ciphertext FROM app.user_api_keys WHERE user_id = $1 AND provider = $2`,
      [userId, provider],
    )) as { ciphertext: string }[];
    return rows[0]!.ciphertext;
  };
  const setCiphertext = (userId: string, provider: string, ciphertext: string) =>
    db().query(
      `UPDATE app.user_api_keys SET ciphertext = $3 WHERE user_id = $1 AND provider = $2`,
      [userId, provider, ciphertext],
    );

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    keys = app.get(ApiKeysService);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reveals the plaintext it stored, the latest one after a replacement, and null for none', async () => {
    const user = await newUser();
    await keys.put(user, 'openai', 'sk-first-0000');
    expect(await keys.reveal(user, 'openai')).toBe('sk-first-0000');
    await keys.put(user, 'openai', 'sk-second-1111');
    await keys.put(user, 'anthropic', 'sk-ant-2222');
    expect(await keys.reveal(user, 'openai')).toBe('sk-second-1111');
    expect(await keys.reveal(user, 'anthropic')).toBe('sk-ant-2222');
    expect(await keys.reveal(user, 'mistral')).toBeNull();
    expect(await keys.reveal(await newUser(), 'openai')).toBeNull();
    expect(await ciphertextOf(user, 'openai')).not.toContain('sk-second');
  });

  it("refuses a ciphertext moved into another user's or another provider's row", async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    await keys.put(alice, 'openai', 'sk-alice-openai');
    await keys.put(alice, 'anthropic', 'sk-alice-anthropic');
    await keys.put(bob, 'openai', 'sk-bob-openai');
    const sealed = await ciphertextOf(alice, 'openai');

    await setCiphertext(bob, 'openai', sealed);
    await expect(keys.reveal(bob, 'openai')).rejects.toThrow(UNAUTHENTIC);
    await setCiphertext(alice, 'anthropic', sealed);
    await expect(keys.reveal(alice, 'anthropic')).rejects.toThrow(UNAUTHENTIC);
    // Where it belongs, the same ciphertext still opens.
    expect(await keys.reveal(alice, 'openai')).toBe('sk-alice-openai');
  });

  it('refuses a tampered ciphertext, authentication tag or key id', async () => {
    const user = await newUser();
    await keys.put(user, 'openai', 'sk-tamper-me-0123456789');
    const sealed = await ciphertextOf(user, 'openai');
    const [version, keyId, iv, body, tag] = sealed.split(':') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = bytes[0]! ^ 0x01;
      return bytes.toString('base64');
    };
    for (const tampered of [
      [version, keyId, iv, flip(body), tag],
      [version, keyId, iv, body, flip(tag)],
      [version, keyId, flip(iv), body, tag],
    ]) {
      await setCiphertext(user, 'openai', tampered.join(':'));
      await expect(keys.reveal(user, 'openai')).rejects.toThrow(UNAUTHENTIC);
    }
    await setCiphertext(user, 'openai', [version, 'no-such-key', iv, body, tag].join(':'));
    await expect(keys.reveal(user, 'openai')).rejects.toThrow(/unknown encryption key id/);
    await setCiphertext(user, 'openai', sealed);
    expect(await keys.reveal(user, 'openai')).toBe('sk-tamper-me-0123456789');
  });
});
