import { AccountErasureService } from '../../src/modules/erasure/account-erasure.service.js';
import { jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SignJWT, generateKeyPair } from 'jose';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JwtStrategy } from '../../src/modules/auth/jwt.strategy.js';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { SecretsService } from '../../src/platform/config/secrets.service.js';
import { uuidv7 } from '../../src/platform/database/uuid.js';
import { bearer, login, registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('S3: access token attacks', () => {
  let app: NestExpressApplication;
  let user: TestUser;
  const http = () => request(app.getHttpServer());
  const me = (token: string) => http().get('/v1/me').set(bearer(token));

  /** Claims of a token that would be accepted, for the user's live session. */
  const claims = (over: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: user.id,
      sid: user.tokens.session.id,
      jti: uuidv7(),
      iss: 'parley',
      aud: 'parley-api',
      iat: now,
      exp: now + 300,
      ...over,
    };
  };

  /** Signs with Parley's own private key: only the claim under test is wrong. */
  const forge = async (over: Record<string, unknown> = {}, kid?: string) => {
    const { privateKey, kid: realKid } = app.get(SecretsService).jwt;
    return new SignJWT(claims(over))
      .setProtectedHeader({ alg: 'ES256', kid: kid ?? realKid, typ: 'JWT' })
      .sign(privateKey);
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    user = await registerFullUser(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('accepts a token forged with the right key and claims (the harness can succeed)', async () => {
    await me(await forge()).expect(200);
  });

  it('rejects alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    await me(token).expect(401);
  });

  it('rejects HS256 signed with the public key as the secret', async () => {
    const pem = app
      .get(SecretsService)
      .jwt.publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
    const signature = createHmac('sha256', pem).update(head).digest('base64url');
    await me(`${head}.${signature}`).expect(401);
  });

  it('rejects a token signed by another key, even with our kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: app.get(SecretsService).jwt.kid })
      .sign(privateKey);
    await me(token).expect(401);
  });

  it.each([
    [
      'expired',
      { exp: Math.floor(Date.now() / 1000) - 10, iat: Math.floor(Date.now() / 1000) - 400 },
    ],
    ['of the wrong issuer', { iss: 'someone-else' }],
    ['of the wrong audience', { aud: 'another-api' }],
    ['without a session', { sid: undefined }],
    ['naming another user than its session', { sub: uuidv7() }],
    ['naming an unknown session', { sid: uuidv7() }],
  ])('rejects a token %s', async (_label, over) => {
    const res = await me(await forge(over)).expect(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('rejects a revoked token, and revocation of the JTI stands on its own', async () => {
    const victim = await registerFullUser(app);
    await http().post('/v1/auth/logout').set(victim.auth).expect(204);
    await me(victim.tokens.access_token).expect(401);
    // Even were the session revived, the access token's JTI stays revoked.
    await app
      .get(DataSource)
      .query(`UPDATE app.app_sessions SET revoked_at = NULL WHERE id = $1`, [
        victim.tokens.session.id,
      ]);
    await app.get(SessionsService).forget([victim.tokens.session.id]);
    await me(victim.tokens.access_token).expect(401);
  });

  it('rejects tokens issued before a password change, even in a live session', async () => {
    const victim = await registerFullUser(app);
    const other = await login(app, victim.email, victim.password);
    // Back-date the change past the token's iat without touching the sessions.
    await app
      .get(DataSource)
      .query(
        `UPDATE app.users SET password_changed_at = now() + interval '5 seconds' WHERE id = $1`,
        [victim.id],
      );
    await app.get(SessionsService).forget([other.session.id]);
    await me(other.access_token).expect(401);
  });

  it('rejects the tokens of a disabled user and of an erased user', async () => {
    const disabled = await registerFullUser(app);
    await me(disabled.tokens.access_token).expect(200);
    await app.get(UsersService).disable(disabled.id);
    await me(disabled.tokens.access_token).expect(401);
    await http()
      .post('/v1/auth/refresh')
      .send({ refresh_token: disabled.tokens.refresh_token })
      .expect(401);
    await http()
      .post('/v1/auth/login')
      .send({ email: disabled.email, password: disabled.password })
      .expect(401);

    const erased = await registerFullUser(app);
    await me(erased.tokens.access_token).expect(200);
    await app.get(AccountErasureService).erase(erased.id);
    await me(erased.tokens.access_token).expect(401);
  });

  it('refuses to refresh with an expired refresh token, or in an expired session', async () => {
    const refresh = (token: string) =>
      http().post('/v1/auth/refresh').send({ refresh_token: token });
    const db = app.get(DataSource);

    // The harness can succeed: a live token in a live session refreshes.
    const live = await registerFullUser(app);
    const rotated = await refresh(live.tokens.refresh_token).expect(200);

    const staleToken = await registerFullUser(app);
    await db.query(
      `UPDATE app.refresh_tokens SET expires_at = now() - interval '1 second' WHERE session_id = $1`,
      [staleToken.tokens.session.id],
    );
    const expiredToken = await refresh(staleToken.tokens.refresh_token).expect(401);
    expect(expiredToken.headers['content-type']).toMatch(/problem\+json/);

    const staleSession = await registerFullUser(app);
    await db.query(
      `UPDATE app.app_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [staleSession.tokens.session.id],
    );
    const expiredSession = await refresh(staleSession.tokens.refresh_token).expect(401);
    expect(expiredSession.headers['content-type']).toMatch(/problem\+json/);

    // Neither refusal used the token up: it stays unused, and the session stays unrevoked.
    const rows = (await db.query(
      `SELECT t.used_at IS NULL AS unused, s.revoked_at IS NULL AS unrevoked
         FROM app.refresh_tokens t JOIN app.app_sessions s ON s.id = t.session_id
        WHERE s.id = ANY($1::uuid[])`,
      [[staleToken.tokens.session.id, staleSession.tokens.session.id]],
    )) as { unused: boolean; unrevoked: boolean }[];
    expect(rows).toEqual([
      { unused: true, unrevoked: true },
      { unused: true, unrevoked: true },
    ]);
    await refresh((rotated.body as { refresh_token: string }).refresh_token).expect(200);
  });

  it('checks revocation and session state without a database round trip when the cache is warm', async () => {
    const strategy = app.get(JwtStrategy);
    const payload = claims();
    expect(await strategy.resolve(payload)).toMatchObject({ userId: user.id });
    const dataSource = app.get(DataSource);
    const spy = jest.spyOn(dataSource, 'createQueryRunner');
    const query = jest.spyOn(dataSource, 'query');
    try {
      for (let i = 0; i < 20; i++)
        expect(await strategy.resolve(payload)).toMatchObject({ userId: user.id });
      expect(spy).not.toHaveBeenCalled();
      expect(query).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      query.mockRestore();
    }
  });
});
