import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import { SecretsService } from '../../src/platform/config/secrets.service.js';
import { openDataSource } from '../../src/platform/database/data-source.js';
import { EncryptionService } from '../../src/platform/crypto/encryption.service.js';
import { OutboxMailer } from '../../src/platform/mail/outbox.mailer.js';
import { uniqueEmail } from '../factories/identity.js';
import { tempDir, testRedisPrefix } from '../support/app.js';
import { freePort } from '../support/servers.mjs';

const MAIN = new URL('../../dist/src/main.js', import.meta.url).pathname;

/**
 * S6 against the production process (dist/src/main.js) at the most verbose log
 * level: after the identity flows, neither a dump of the database nor the log
 * holds a password, API key, refresh, access or reset token.
 */
describe('S6: secrets at rest and in logs', () => {
  const secrets = {
    ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`,
    JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
  const databaseUrl = process.env.PARLEY_TEST_DATABASE_URL!;
  let child: ChildProcess;
  let base: string;
  let log = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'trace',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: tempDir(),
        DATABASE_URL: databaseUrl,
        REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
        REDIS_KEY_PREFIX: testRedisPrefix('s6'),
        MIGRATIONS_RUN: 'false',
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_TIME_COST: '1',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000',
        ...secrets,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const live = await fetch(`${base}/health/live`).catch(() => null);
      if (live?.ok) break;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  });

  it('keeps every secret out of the database dump and the log', async () => {
    const http = () => request(base);
    const email = uniqueEmail('s6');
    const passwords = ['first-Secret-pw-1', 'second-Secret-pw-2', 'third-Secret-pw-3'];
    const apiKey = `sk-s6-${randomBytes(16).toString('hex')}`;
    const seen: string[] = [...passwords, apiKey];

    const registered = await http()
      .post('/v1/auth/register')
      .send({ email, password: passwords[0] })
      .expect(201);
    seen.push(registered.body.access_token, registered.body.refresh_token);
    const auth = { Authorization: `Bearer ${registered.body.access_token}` };
    await http()
      .patch('/v1/me')
      .set(auth)
      .send({ name: 'S6', language: 'en', user_type: 'adult' })
      .expect(200);
    await http().post('/v1/consent/terms').set(auth).expect(200);
    await http().put('/v1/me/api-keys/openai').set(auth).send({ api_key: apiKey }).expect(200);
    await http().post('/v1/auth/login').send({ email, password: 'a-wrong-password' }).expect(401);
    await http()
      .post('/v1/auth/register')
      .send({ email: 'broken', password: passwords[0] })
      .expect(400);
    const rotated = await http()
      .post('/v1/auth/refresh')
      .send({ refresh_token: registered.body.refresh_token })
      .expect(200);
    seen.push(rotated.body.access_token, rotated.body.refresh_token);

    // A stream ticket rides in a query string: the log keeps the path alone.
    const current = { Authorization: `Bearer ${rotated.body.access_token}` };
    const conversation = await http().post('/v1/conversations').set(current).send({}).expect(201);
    const stream = await http()
      .post(`/v1/conversations/${conversation.body.id}/streams`)
      .set(current)
      .expect(201);
    const streamId = stream.body.id as string;
    await http().post(`/v1/streams/${streamId}/complete`).set(current).expect(200);
    const minted = await http().post(`/v1/streams/${streamId}/tickets`).set(current).expect(201);
    const ticket = minted.body.ticket as string;
    seen.push(ticket);
    await http().get(`/v1/streams/${streamId}/events?ticket=${ticket}`).expect(200);
    await http().get(`/v1/streams/${streamId}/events?ticket=${ticket}x`).expect(401);

    await http().post('/v1/auth/password/forgot').send({ email }).expect(202);
    const resetToken = await readResetToken(email);
    seen.push(resetToken);
    await http()
      .post('/v1/auth/password/reset')
      .send({ token: resetToken, new_password: passwords[1] })
      .expect(204);
    const again = await http()
      .post('/v1/auth/login')
      .send({ email, password: passwords[1] })
      .expect(200);
    seen.push(again.body.access_token, again.body.refresh_token);
    await http()
      .post('/v1/auth/password/change')
      .set({ Authorization: `Bearer ${again.body.access_token}` })
      .send({ current_password: passwords[1], new_password: passwords[2] })
      .expect(200);
    await http()
      .get('/v1/me')
      .set({ Authorization: `Bearer ${again.body.access_token}` })
      .expect(401);

    const dump = spawnSync('pg_dump', ['--data-only', '--schema=app', databaseUrl], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(dump.status).toBe(0);
    // The dump and the log are real: they hold the account and the requests.
    expect(dump.stdout).toContain(email);
    expect(log).toContain('/v1/auth/password/reset');
    expect(log).toContain(`/v1/streams/${streamId}/events`);
    expect(log).toContain('[REDACTED]');
    for (const secret of seen) {
      expect({ secret, inDump: dump.stdout.includes(secret) }).toEqual({ secret, inDump: false });
      expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
    }
  });

  async function readResetToken(email: string): Promise<string> {
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'test',
      DATA_DIR: tempDir(),
      ...secrets,
    });
    const dataSource = await openDataSource(config);
    try {
      const mailer = new OutboxMailer(
        dataSource,
        new EncryptionService(new SecretsService(config)),
      );
      const mail = await mailer.latestTo(email, 'password-reset');
      return /Reset code: (\S+)/.exec(mail!.text)![1]!;
    } finally {
      await dataSource.destroy();
    }
  }
});
