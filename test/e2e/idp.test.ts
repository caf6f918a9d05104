import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { bearer, registerFullUser, uniqueEmail } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { startJwksServer, type TestIdp } from '../support/jwks-server.js';

const AUDIENCE = 'parley-web';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('external identities: OIDC providers and trusted clients', () => {
  let app: NestExpressApplication;
  let idp: TestIdp;
  const admin = uniqueEmail('idp-admin');
  const http = () => request(app.getHttpServer());
  const idpLogin = (body: object, name = 'acme') =>
    http().post(`/v1/auth/idp/${name}/login`).send(body);

  beforeAll(async () => {
    idp = await startJwksServer();
    const providers = [
      { name: 'acme', issuer: idp.issuer, audience: AUDIENCE, jwks_url: idp.jwksUrl },
    ];
    app = await startTestApp(
      testConfig('server', { IDENTITY_PROVIDERS: JSON.stringify(providers), ADMIN_EMAILS: admin }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await idp?.close();
  });

  it('creates the user and the link on first sign-in, and finds them afterwards', async () => {
    const sub = `acme-${Date.now()}`;
    const email = uniqueEmail('oidc');
    const token = await idp.sign({
      sub,
      aud: AUDIENCE,
      email,
      email_verified: true,
      name: 'Olive Idp',
    });
    const first = await idpLogin({ id_token: token }).set('X-Client-Origin', 'web').expect(200);
    expect(first.body.session).toMatchObject({ scope: 'ONBOARDING', origin: 'web' });
    const me = await http().get('/v1/me').set(bearer(first.body.access_token)).expect(200);
    expect(me.body).toMatchObject({ email, name: 'Olive Idp', account_type: 'regular' });

    const second = await idpLogin({ id_token: await idp.sign({ sub, aud: AUDIENCE }) }).expect(200);
    const again = await http().get('/v1/me').set(bearer(second.body.access_token)).expect(200);
    expect(again.body.id).toBe(me.body.id);
  });

  it('does not claim an address that is unverified or already taken', async () => {
    const owner = await registerFullUser(app);
    const token = await idp.sign({
      sub: `taken-${Date.now()}`,
      aud: AUDIENCE,
      email: owner.email,
      email_verified: true,
    });
    const res = await idpLogin({ id_token: token }).expect(200);
    const me = await http().get('/v1/me').set(bearer(res.body.access_token)).expect(200);
    expect(me.body.id).not.toBe(owner.id);
    expect(me.body.email).toBeNull();
    const unverified = await idp.sign({
      sub: `unverified-${Date.now()}`,
      aud: AUDIENCE,
      email: uniqueEmail(),
      email_verified: false,
    });
    const other = await idpLogin({ id_token: unverified }).expect(200);
    expect(
      (await http().get('/v1/me').set(bearer(other.body.access_token)).expect(200)).body.email,
    ).toBeNull();
  });

  it('rejects tokens that are expired, for another audience or issuer, or not signed by the provider', async () => {
    const sub = 'rejected-user';
    const cases = [
      await idp.sign({ sub, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) - 120 }),
      await idp.sign({ sub, aud: 'someone-else' }),
      await idp.sign({ sub, aud: AUDIENCE, iss: 'https://evil.example.test' }),
      await idp.sign({ sub, aud: AUDIENCE }, { kid: 'unknown-key' }),
      hs256({ sub, aud: AUDIENCE, iss: idp.issuer, exp: Math.floor(Date.now() / 1000) + 60 }),
      'not-a-jwt',
    ];
    for (const [i, id_token] of cases.entries()) {
      const res = await idpLogin({ id_token });
      expect({ i, status: res.status, code: res.body.code }).toEqual({
        i,
        status: 401,
        code: 'invalid-token',
      });
    }
    await idpLogin({ id_token: await idp.sign({ sub, aud: AUDIENCE }) }, 'nobody').expect(404);
    await idpLogin({}).expect(400);
  });

  it('lets an admin-registered trusted client sign users in by login id, for its provider only', async () => {
    const adminUser = await registerFullUser(app, { email: admin });
    const created = await http()
      .post('/v1/admin/trusted-clients')
      .set(adminUser.auth)
      .send({ name: 'discord-bot', idp: 'discord' })
      .expect(201);
    const { id, secret } = created.body as { id: string; secret: string };
    const listed = await http().get('/v1/admin/trusted-clients').set(adminUser.auth).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const bot = (body: object, idpName = 'discord', credentials = { id, secret }) =>
      http()
        .post(`/v1/auth/idp/${idpName}/login`)
        .set({
          'X-Client-Id': credentials.id,
          'X-Client-Secret': credentials.secret,
          'X-Client-Origin': 'discord',
        })
        .send(body);
    const first = await bot({ login_id: '123456789', name: 'Discord Dan' }).expect(200);
    expect(first.body.session.origin).toBe('discord');
    const second = await bot({ login_id: '123456789' }).expect(200);
    const a = await http().get('/v1/me').set(bearer(first.body.access_token)).expect(200);
    const b = await http().get('/v1/me').set(bearer(second.body.access_token)).expect(200);
    expect(b.body.id).toBe(a.body.id);
    expect(a.body.name).toBe('Discord Dan');

    await bot({ login_id: '123456789' }, 'acme').expect(401);
    await bot({ login_id: '123456789' }, 'discord', { id, secret: 'wrong' }).expect(401);
    await bot({ login_id: '123456789' }, 'discord', { id: 'not-a-uuid', secret }).expect(401);
    await http().post('/v1/auth/idp/discord/login').send({ login_id: '123456789' }).expect(401);

    await http().delete(`/v1/admin/trusted-clients/${id}`).set(adminUser.auth).expect(204);
    await bot({ login_id: '123456789' }).expect(401);
  });

  it('lets concurrent first sign-ins of one identity end as one user', async () => {
    const sub = `race-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 5 }, async () =>
        idpLogin({ id_token: await idp.sign({ sub, aud: AUDIENCE }) }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const mes = await Promise.all(
      answers.map((r) => http().get('/v1/me').set(bearer(r.body.access_token))),
    );
    expect(mes.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const ids = mes.map((r) => r.body.id as unknown);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(1);
  });
});

function hs256(claims: object): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'test-key-1' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', 'shared').update(head).digest('base64url')}`;
}
