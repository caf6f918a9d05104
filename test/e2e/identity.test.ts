import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxMailer } from '../../src/platform/mail/outbox.mailer.js';
import {
  bearer,
  login,
  PROFILE,
  registerFullUser,
  registerOnboarding,
  startGuest,
  uniqueEmail,
  type TokenPair,
} from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';

const ADMIN = uniqueEmail('admin');

describe('identity flows (PostgreSQL + Redis)', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { ADMIN_EMAILS: ADMIN.toUpperCase() }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('walks register -> profile -> terms to FULL, and live sessions follow at once', async () => {
    const user = await registerOnboarding(app);
    expect(user.tokens.session.scope).toBe('ONBOARDING');
    const blocked = await http().get('/v1/me/api-keys').set(user.auth).expect(403);
    expect(blocked.body).toMatchObject({ code: 'insufficient-scope', scope: 'ONBOARDING' });

    const me = await http().patch('/v1/me').set(user.auth).send(PROFILE).expect(200);
    expect(me.body).toMatchObject({
      id: user.id,
      email: user.email,
      name: PROFILE.name,
      user_type: 'adult',
    });
    const pending = await http().get('/v1/me/api-keys').set(user.auth).expect(403);
    expect(pending.body.scope).toBe('PENDING_CONSENT');
    const consent = await http().get('/v1/consent').set(user.auth).expect(200);
    expect(consent.body.missing).toEqual(['terms']);

    const accepted = await http().post('/v1/consent/terms').set(user.auth).expect(200);
    expect(accepted.body).toMatchObject({ terms: { accepted: true }, missing: [] });
    await http().get('/v1/me/api-keys').set(user.auth).expect(200, { data: [] });
    const sessions = await http().get('/v1/auth/sessions').set(user.auth).expect(200);
    expect(sessions.body.data).toEqual([
      expect.objectContaining({ id: user.tokens.session.id, scope: 'FULL', current: true }),
    ]);

    // Emptying a required field sends every live session back to ONBOARDING.
    await http().patch('/v1/me').set(user.auth).send({ name: null }).expect(200);
    expect((await http().get('/v1/me/api-keys').set(user.auth).expect(403)).body.scope).toBe(
      'ONBOARDING',
    );
  });

  it('keeps a minor in PENDING_CONSENT after the terms (parental consent comes later)', async () => {
    const user = await registerOnboarding(app);
    await http()
      .patch('/v1/me')
      .set(user.auth)
      .send({ ...PROFILE, user_type: 'teenager' })
      .expect(200);
    const status = await http().post('/v1/consent/terms').set(user.auth).expect(200);
    expect(status.body).toMatchObject({
      parental: { required: true, granted: false },
      missing: ['parental_consent'],
    });
    expect((await http().get('/v1/me/api-keys').set(user.auth).expect(403)).body.scope).toBe(
      'PENDING_CONSENT',
    );
  });

  it('logs in, rejects a wrong password, and rotates refresh tokens', async () => {
    const user = await registerFullUser(app);
    const wrong = await http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
    const tokens = await login(app, user.email.toUpperCase(), user.password);
    expect(tokens.session.scope).toBe('FULL');

    const rotated = await http()
      .post('/v1/auth/refresh')
      .send({ refresh_token: tokens.refresh_token })
      .expect(200);
    const next = rotated.body as TokenPair;
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect(next.session.id).toBe(tokens.session.id);
    await http().get('/v1/me').set(bearer(next.access_token)).expect(200);

    // Presenting the rotated token again means it leaked: the whole session dies.
    const reuse = await http()
      .post('/v1/auth/refresh')
      .send({ refresh_token: tokens.refresh_token })
      .expect(401);
    expect(reuse.body.code).toBe('refresh-token-reused');
    await http().get('/v1/me').set(bearer(next.access_token)).expect(401);
    await http().post('/v1/auth/refresh').send({ refresh_token: next.refresh_token }).expect(401);
    await http().post('/v1/auth/refresh').send({ refresh_token: 'garbage' }).expect(401);
  });

  it('lets exactly one of concurrent refreshes of one token succeed', async () => {
    const user = await registerFullUser(app);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        http().post('/v1/auth/refresh').send({ refresh_token: user.tokens.refresh_token }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(7);
  });

  it('logs out one session, then all of them', async () => {
    const user = await registerFullUser(app);
    const second = await login(app, user.email, user.password);
    const third = await login(app, user.email, user.password);
    await http().post('/v1/auth/logout').set(user.auth).expect(204);
    await http().get('/v1/me').set(user.auth).expect(401);
    await http()
      .post('/v1/auth/refresh')
      .send({ refresh_token: user.tokens.refresh_token })
      .expect(401);
    await http().get('/v1/me').set(bearer(second.access_token)).expect(200);

    const list = await http().get('/v1/auth/sessions').set(bearer(second.access_token)).expect(200);
    expect(list.body.data.map((s: { id: string }) => s.id).sort()).toEqual(
      [second.session.id, third.session.id].sort(),
    );
    await http()
      .delete(`/v1/auth/sessions/${third.session.id}`)
      .set(bearer(second.access_token))
      .expect(204);
    await http().get('/v1/me').set(bearer(third.access_token)).expect(401);

    const fourth = await login(app, user.email, user.password);
    await http().post('/v1/auth/logout-all').set(bearer(second.access_token)).expect(204);
    await http().get('/v1/me').set(bearer(second.access_token)).expect(401);
    await http().get('/v1/me').set(bearer(fourth.access_token)).expect(401);
  });

  it('changes the password: earlier tokens die, the caller continues', async () => {
    const user = await registerFullUser(app);
    const other = await login(app, user.email, user.password);
    await http()
      .post('/v1/auth/password/change')
      .set(user.auth)
      .send({ current_password: 'wrong-password', new_password: 'a-brand-new-secret' })
      .expect(401);
    const res = await http()
      .post('/v1/auth/password/change')
      .set(user.auth)
      .send({ current_password: user.password, new_password: 'a-brand-new-secret' })
      .expect(200);
    await http().get('/v1/me').set(bearer(res.body.access_token)).expect(200);
    await http().get('/v1/me').set(user.auth).expect(401);
    await http().get('/v1/me').set(bearer(other.access_token)).expect(401);
    await http().post('/v1/auth/refresh').send({ refresh_token: other.refresh_token }).expect(401);
    await http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(401);
    await login(app, user.email, 'a-brand-new-secret');
  });

  it('resets a forgotten password with a single-use token from the mailer', async () => {
    const user = await registerFullUser(app);
    const known = await http()
      .post('/v1/auth/password/forgot')
      .send({ email: user.email })
      .expect(202);
    const unknown = await http()
      .post('/v1/auth/password/forgot')
      .send({ email: uniqueEmail('nobody') })
      .expect(202);
    expect(unknown.body).toEqual(known.body);

    const mail = await app.get(OutboxMailer).latestTo(user.email, 'password-reset');
    const token = /Reset code: (\S+)/.exec(mail!.text)![1]!;
    await http()
      .post('/v1/auth/password/reset')
      .send({ token, new_password: 'reset-password-1' })
      .expect(204);
    const again = await http()
      .post('/v1/auth/password/reset')
      .send({ token, new_password: 'reset-password-2' })
      .expect(400);
    expect(again.body.code).toBe('invalid-reset-token');
    await http().get('/v1/me').set(user.auth).expect(401);
    await http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(401);
    await login(app, user.email, 'reset-password-1');

    await app
      .get(DataSource)
      .query(
        `UPDATE app.password_reset_tokens SET used_at = NULL, expires_at = now() - interval '1 minute'`,
      );
    await http().post('/v1/auth/password/forgot').send({ email: user.email }).expect(202);
    const fresh = /Reset code: (\S+)/.exec(
      (await app.get(OutboxMailer).latestTo(user.email))!.text,
    )![1]!;
    await app
      .get(DataSource)
      .query(`UPDATE app.password_reset_tokens SET expires_at = now() - interval '1 second'`);
    await http()
      .post('/v1/auth/password/reset')
      .send({ token: fresh, new_password: 'too-late-password' })
      .expect(400);
  });

  it('upgrades a guest into a regular account with the same id', async () => {
    const guest = await startGuest(app);
    expect(guest.tokens.session.scope).toBe('ONBOARDING');
    const email = uniqueEmail('upgraded');
    const res = await http()
      .post('/v1/auth/upgrade')
      .set(guest.auth)
      .send({ email, password: 'guest-no-more-1', ...PROFILE })
      .expect(200);
    expect(res.body.session.scope).toBe('PENDING_CONSENT');
    const me = await http().get('/v1/me').set(bearer(res.body.access_token)).expect(200);
    expect(me.body).toMatchObject({ id: guest.id, email, account_type: 'regular' });
    await http().get('/v1/me').set(guest.auth).expect(401);
    const tokens = await login(app, email, 'guest-no-more-1');
    const again = await http()
      .post('/v1/auth/upgrade')
      .set(bearer(tokens.access_token))
      .send({ email: uniqueEmail(), password: 'whatever-long-1' });
    expect(again.status).toBe(409);
  });

  it('stores API keys encrypted and shows them masked', async () => {
    const user = await registerFullUser(app);
    const secret = 'sk-live-0123456789abcdefWXYZ';
    const put = await http()
      .put('/v1/me/api-keys/openai')
      .set(user.auth)
      .send({ api_key: secret })
      .expect(200);
    expect(put.body).toMatchObject({ provider: 'openai', masked_key: '••••WXYZ' });
    const list = await http().get('/v1/me/api-keys').set(user.auth).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('0123456789');
    const [row] = (await app
      .get(DataSource)
      .query(`SELECT ciphertext FROM app.user_api_keys WHERE user_id = $1`, [user.id])) as {
      ciphertext: string;
    }[];
    expect(row!.ciphertext).toMatch(/^v1:k1:/);
    expect(row!.ciphertext).not.toContain(secret);
    await http()
      .put('/v1/me/api-keys/Bad%20Name')
      .set(user.auth)
      .send({ api_key: secret })
      .expect(400);
    await http().delete('/v1/me/api-keys/openai').set(user.auth).expect(204);
    await http().delete('/v1/me/api-keys/openai').set(user.auth).expect(404);
  });

  it('makes ADMIN_EMAILS admins and hides the admin surface from others', async () => {
    const admin = await registerFullUser(app, { email: ADMIN });
    expect((await http().get('/v1/me').set(admin.auth).expect(200)).body.roles).toEqual(['admin']);
    await http().get('/v1/admin/trusted-clients').set(admin.auth).expect(200);
    const user = await registerFullUser(app);
    await http().get('/v1/admin/trusted-clients').set(user.auth).expect(404);
  });

  it('answers bad input with 4xx problems, never 500', async () => {
    await http()
      .post('/v1/auth/register')
      .send({ email: 'not-an-email', password: 'x' })
      .expect(400);
    const unknown = await http()
      .post('/v1/auth/register')
      .send({ email: uniqueEmail(), password: 'long-enough-1', is_admin: true })
      .expect(400);
    expect(unknown.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'is_admin' })]),
    );
    await http().post('/v1/auth/guest').set('X-Client-Origin', 'telegram').expect(400);
    await http()
      .post('/v1/auth/login')
      .send({ email: ['a'], password: {} })
      .expect(400);
    const user = await registerFullUser(app);
    await http()
      .post('/v1/auth/register')
      .send({ email: user.email, password: 'long-enough-1' })
      .expect(409);
    await http().delete('/v1/auth/sessions/not-a-uuid').set(user.auth).expect(404);
    await http().get('/v1/auth/sessions?after=forged').set(user.auth).expect(400);
    await http().get('/v1/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    await http().get('/v1/me').expect(401);
  });

  it('records the client origin on the session', async () => {
    const res = await http().post('/v1/auth/guest').set('X-Client-Origin', 'discord').expect(201);
    expect(res.body.session.origin).toBe('discord');
  });
});
