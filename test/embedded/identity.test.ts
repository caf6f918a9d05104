import fs from 'node:fs';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import { OutboxMailer } from '../../src/platform/mail/outbox.mailer.js';
import {
  bearer,
  login,
  PROFILE,
  registerOnboarding,
  type TokenPair,
} from '../factories/identity.js';
import { startTestApp, tempDir } from '../support/app.js';

/** The identity flows in the embedded default: PGlite, in-memory cache, outbox mail. */
describe('identity in embedded mode', () => {
  const dataDir = tempDir('parley-embedded-identity-');
  const config = () =>
    loadConfig({
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
    });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('registers, completes the profile, accepts the terms, and keeps sessions across a restart', async () => {
    let email: string;
    let password: string;
    let refresh: string;
    const first = await startTestApp(config());
    try {
      const http = () => request(first.getHttpServer());
      const user = await registerOnboarding(first);
      ({ email, password } = user);
      await http().get('/v1/me/api-keys').set(user.auth).expect(403);
      await http().patch('/v1/me').set(user.auth).send(PROFILE).expect(200);
      await http().post('/v1/consent/terms').set(user.auth).expect(200);
      await http()
        .put('/v1/me/api-keys/openai')
        .set(user.auth)
        .send({ api_key: 'sk-embedded-1234' })
        .expect(200);
      const rotated = await http()
        .post('/v1/auth/refresh')
        .send({ refresh_token: user.tokens.refresh_token })
        .expect(200);
      refresh = (rotated.body as TokenPair).refresh_token;
      await http()
        .post('/v1/auth/logout')
        .set(bearer((rotated.body as TokenPair).access_token))
        .expect(204);
      await http().post('/v1/auth/refresh').send({ refresh_token: refresh }).expect(401);

      // With the profile at once, the scope is computed inside the sign-up transaction.
      const withProfile = await http()
        .post('/v1/auth/register')
        .send({ email: `p-${email}`, password, ...PROFILE })
        .expect(201);
      expect(withProfile.body.session.scope).toBe('PENDING_CONSENT');

      await http().post('/v1/auth/password/forgot').send({ email }).expect(202);
      const mail = await first.get(OutboxMailer).latestTo(email, 'password-reset');
      const token = /Reset code: (\S+)/.exec(mail!.text)![1]!;
      password = 'embedded-reset-pw-1';
      await http()
        .post('/v1/auth/password/reset')
        .send({ token, new_password: password })
        .expect(204);
      const tokens = await login(first, email, password);
      expect(tokens.session.scope).toBe('FULL');
      refresh = tokens.refresh_token;
    } finally {
      await first.close();
    }

    // The signing key and the sessions live under DATA_DIR: a restart keeps users signed in.
    const second = await startTestApp(config());
    try {
      const http = () => request(second.getHttpServer());
      const rotated = await http()
        .post('/v1/auth/refresh')
        .send({ refresh_token: refresh })
        .expect(200);
      const list = await http()
        .get('/v1/me/api-keys')
        .set(bearer(rotated.body.access_token))
        .expect(200);
      expect(list.body.data).toEqual([
        expect.objectContaining({ provider: 'openai', masked_key: '••••1234' }),
      ]);
    } finally {
      await second.close();
    }
  }, 120_000);

  it('stores X-Client-Capabilities on the session and lists it', async () => {
    const app = await startTestApp(config());
    try {
      const guest = await request(app.getHttpServer())
        .post('/v1/auth/guest')
        .set('X-Client-Capabilities', '{"streaming":true,"max_tokens":4096,"formats":["md"]}')
        .expect(201);
      const sessions = await request(app.getHttpServer())
        .get('/v1/auth/sessions')
        .set(bearer(guest.body.access_token))
        .expect(200);
      expect(sessions.body.data[0].capabilities).toEqual({
        streaming: true,
        max_tokens: 4096,
        formats: ['md'],
      });
      await request(app.getHttpServer())
        .post('/v1/auth/guest')
        .set('X-Client-Capabilities', '{"streaming":')
        .expect(400);
    } finally {
      await app.close();
    }
  });
});
