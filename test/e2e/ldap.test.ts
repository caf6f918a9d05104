import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomInt } from 'node:crypto';
import { Attribute, Change } from 'ldapts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConversation } from '../factories/conversations.js';
import { bearer, startFullGuest } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import {
  ADMINS_DN,
  GROUPS,
  PEOPLE,
  READER_DN,
  READER_PASSWORD,
  startSlapd,
  type Slapd,
} from '../support/slapd.js';

const newIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const run = Date.now().toString(36);
const mail = (uid: string) => `${uid}.${run}@ldap.example`;

/**
 * Against a private slapd. The embedded pass does not repeat this suite: the
 * directory logic is the same in both modes, and what differs between engines
 * (user and link rows) is covered by the IdP suites that do run embedded.
 */
describe('LDAP sign-in', () => {
  let slapd: Slapd;
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const ldapLogin = (username: string, password: string, ip = newIp()) =>
    http().post('/v1/auth/ldap/login').set('X-Forwarded-For', ip).send({ username, password });

  beforeAll(async () => {
    slapd = await startSlapd(
      [
        { uid: 'alice', password: 'alice-pass', cn: 'Alice Liddell', mail: mail('alice') },
        { uid: 'bob', password: 'bob-pass', cn: 'Bob Builder', mail: mail('bob') },
        { uid: 'carol', password: 'carol-pass', cn: 'Carol Locked' },
        { uid: 'dora', password: 'dora-pass', cn: 'Dora Guest', mail: mail('dora') },
        { uid: 'admin', password: 'admin-pass', cn: 'Admin Person' },
        // Two entries answer `(cn=Twin Entry)`: an ambiguous name signs nobody in.
        { uid: 'twin1', password: 'twin-pass', cn: 'Twin Entry' },
        { uid: 'twin2', password: 'twin-pass', cn: 'Twin Entry' },
      ],
      ['alice'],
    );
    app = await startTestApp(
      testConfig('server', {
        TRUST_PROXY: 'true',
        LDAP_URL: slapd.url,
        LDAP_BIND_DN: READER_DN,
        LDAP_BIND_PASSWORD: READER_PASSWORD,
        LDAP_SEARCH_BASE: PEOPLE,
        LDAP_SEARCH_FILTER: '(|(uid={{username}})(cn={{username}}))',
        LDAP_ADMIN_GROUP_DN: ADMINS_DN,
        LDAP_GROUP_SEARCH_BASE: GROUPS,
        LDAP_GROUP_SEARCH_FILTER: '(&(objectClass=groupOfNames)(member={{dn}}))',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await slapd?.stop();
  });

  it('creates the user and the ldap link on first sign-in; the same token response as password login', async () => {
    const res = await ldapLogin('alice', 'alice-pass')
      .set('X-Client-Origin', 'web')
      .set('X-Client-Capabilities', '{"streaming":true,"formats":["markdown","chart"]}')
      .expect(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', session: { origin: 'web' } });
    expect(res.body.session.scope).toBe('PENDING_CONSENT');
    const auth = bearer(res.body.access_token);
    const me = await http().get('/v1/me').set(auth).expect(200);
    expect(me.body).toMatchObject({
      email: mail('alice'),
      name: 'Alice Liddell',
      user_type: 'adult',
      account_type: 'regular',
    });
    expect(me.body.roles).toContain('admin');
    await http().post('/v1/consent/terms').set(auth).expect(200);
    const sessions = await http().get('/v1/auth/sessions').set(auth).expect(200);
    expect(sessions.body.data[0]).toMatchObject({
      scope: 'FULL',
      capabilities: { streaming: true, formats: ['markdown', 'chart'] },
    });
    const links = (await app
      .get(DataSource)
      .query(`SELECT login_id FROM app.idp_logins WHERE idp = 'ldap' AND user_id = $1`, [
        me.body.id,
      ])) as { login_id: string }[];
    // Keyed by entryUUID, which survives renames, not by the DN.
    expect(links).toHaveLength(1);
    expect(links[0]!.login_id).toMatch(/^[0-9a-f-]{36}$/);

    const again = await ldapLogin('alice', 'alice-pass').expect(200);
    const meAgain = await http().get('/v1/me').set(bearer(again.body.access_token)).expect(200);
    expect(meAgain.body.id).toBe(me.body.id);
  });

  it('refreshes name and email, and the admin role follows the group both ways', async () => {
    const first = await ldapLogin('bob', 'bob-pass').expect(200);
    const me = await http().get('/v1/me').set(bearer(first.body.access_token)).expect(200);
    expect(me.body.roles).not.toContain('admin');

    const dir = await slapd.admin();
    const bobDn = `uid=bob,${PEOPLE}`;
    await dir.modify(bobDn, [
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'cn', values: ['Robert Builder'] }),
      }),
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'mail', values: [mail('robert')] }),
      }),
    ]);
    await dir.modify(ADMINS_DN, [
      new Change({
        operation: 'add',
        modification: new Attribute({ type: 'member', values: [bobDn] }),
      }),
    ]);
    const promoted = await ldapLogin('bob', 'bob-pass').expect(200);
    const meAdmin = await http().get('/v1/me').set(bearer(promoted.body.access_token)).expect(200);
    expect(meAdmin.body).toMatchObject({
      id: me.body.id,
      name: 'Robert Builder',
      email: mail('robert'),
    });
    expect(meAdmin.body.roles).toContain('admin');

    await dir.modify(ADMINS_DN, [
      new Change({
        operation: 'delete',
        modification: new Attribute({ type: 'member', values: [bobDn] }),
      }),
    ]);
    await dir.unbind();
    const demoted = await ldapLogin('bob', 'bob-pass').expect(200);
    const meDemoted = await http().get('/v1/me').set(bearer(demoted.body.access_token)).expect(200);
    expect(meDemoted.body.roles).not.toContain('admin');
    // The earlier session lost the role too: roles live on the user, not the token.
    const old = await http().get('/v1/me').set(bearer(promoted.body.access_token)).expect(200);
    expect(old.body.roles).not.toContain('admin');
  });

  it('merges the guest whose token the sign-in is sent with', async () => {
    const guest = await startFullGuest(app);
    const conversationId = await createConversation(app, guest);
    const res = await ldapLogin('dora', 'dora-pass').set(guest.auth).expect(200);
    expect(res.body.merged).toMatchObject({ guest_id: guest.id, conversations: 1 });
    const me = await http().get('/v1/me').set(bearer(res.body.access_token)).expect(200);
    const owner = (await app
      .get(DataSource)
      .query(`SELECT user_id FROM app.conversations WHERE id = $1`, [conversationId])) as {
      user_id: string;
    }[];
    expect(owner).toEqual([{ user_id: me.body.id }]);
    await http().get('/v1/me').set(guest.auth).expect(401);
  });

  it('answers an unknown user exactly as a wrong password, and refuses an empty password', async () => {
    const wrong = await ldapLogin('alice', 'not-her-password').expect(401);
    const unknown = await ldapLogin(`nobody-${run}`, 'whatever').expect(401);
    const empty = await ldapLogin('alice', '').expect(401);
    for (const res of [unknown, empty]) {
      expect(res.headers['content-type']).toBe(wrong.headers['content-type']);
      expect(res.body).toEqual({ ...wrong.body, request_id: res.body.request_id });
    }
    expect(wrong.body).toMatchObject({ status: 401, code: 'invalid-credentials' });
  });

  it.each([
    ['*'],
    ['*)(uid=*'],
    ['admin)(|(uid=*'],
    ['*)(|(objectClass=*'],
    ['al*'],
    ['\\2a'],
    ['alice\\'],
    ['(uid=alice)'],
    ['Twin Entry'],
  ])('an injected or ambiguous name (%j) matches nobody', async (username) => {
    // Every candidate password of a seeded user: none may open any account.
    for (const password of ['alice-pass', 'admin-pass', 'twin-pass']) {
      const res = await ldapLogin(username, password).expect(401);
      expect(res.body.code).toBe('invalid-credentials');
    }
  });

  it('refuses a NUL in the name before it reaches the directory', async () => {
    // The input rules reject control characters in any body string (400); the
    // filter escaper would turn it into \\00 anyway (ldap-directory.spec.ts).
    const res = await ldapLogin('alice\u0000', 'alice-pass').expect(400);
    expect(res.body.access_token).toBeUndefined();
  });

  it('locks out after repeated failures, like password sign-in', async () => {
    for (let i = 0; i < 5; i++) await ldapLogin('carol', 'wrong', newIp()).expect(401);
    const locked = await ldapLogin('carol', 'carol-pass', newIp()).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.code).toBe('account-locked');
  });

  it('rejects bad capabilities with a 400 problem', async () => {
    for (const bad of [
      '{not json',
      '[1,2]',
      '{"nested":{"a":1}}',
      '{"bad key!":1}',
      'x'.repeat(5000),
    ]) {
      const res = await ldapLogin('alice', 'alice-pass')
        .set('X-Client-Capabilities', bad)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors[0].field).toBe('X-Client-Capabilities');
    }
  });

  it('answers 503 when the directory cannot be reached', async () => {
    const down = await startTestApp(
      testConfig('server', { LDAP_URL: 'ldap://127.0.0.1:1', LDAP_SEARCH_BASE: PEOPLE }),
    );
    try {
      const res = await request(down.getHttpServer())
        .post('/v1/auth/ldap/login')
        .send({ username: 'alice', password: 'alice-pass' })
        .expect(503);
      expect(res.body.code).toBe('service-unavailable');
    } finally {
      await down.close();
    }
  });
});

describe('LDAP admin group read from memberOf', () => {
  let slapd: Slapd;
  let app: NestExpressApplication;
  const login = () =>
    request(app.getHttpServer())
      .post('/v1/auth/ldap/login')
      .send({ username: 'dora', password: 'dora-pass' })
      .expect(200);
  const rolesOf = async (token: string) =>
    (await request(app.getHttpServer()).get('/v1/me').set(bearer(token)).expect(200)).body
      .roles as string[];

  beforeAll(async () => {
    slapd = await startSlapd([{ uid: 'dora', password: 'dora-pass', cn: 'Dora Member' }], [], {
      memberOf: true,
    });
    app = await startTestApp(
      testConfig('server', {
        LDAP_URL: slapd.url,
        LDAP_BIND_DN: READER_DN,
        LDAP_BIND_PASSWORD: READER_PASSWORD,
        LDAP_SEARCH_BASE: PEOPLE,
        // No group search: memberOf alone decides.
        LDAP_ADMIN_GROUP_DN: ADMINS_DN.toUpperCase().replace(',', ', '),
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    await slapd?.stop();
  });

  it('grants and revokes the admin role as memberOf changes', async () => {
    expect(await rolesOf((await login()).body.access_token)).not.toContain('admin');
    const dir = await slapd.admin();
    const change = (operation: 'add' | 'delete') =>
      dir.modify(ADMINS_DN, [
        new Change({
          operation,
          modification: new Attribute({ type: 'member', values: [`uid=dora,${PEOPLE}`] }),
        }),
      ]);
    try {
      await change('add');
      expect(await rolesOf((await login()).body.access_token)).toContain('admin');
      await change('delete');
      expect(await rolesOf((await login()).body.access_token)).not.toContain('admin');
    } finally {
      await dir.unbind();
    }
  });
});

describe('LDAP over StartTLS with a private CA', () => {
  let slapd: Slapd;

  beforeAll(async () => {
    slapd = await startSlapd([{ uid: 'erin', password: 'erin-pass', cn: 'Erin Secure' }], [], {
      tls: true,
    });
  });

  afterAll(async () => {
    await slapd?.stop();
  });

  it('signs in through StartTLS trusting LDAP_CA_FILE, and refuses a server it cannot verify', async () => {
    const env = {
      LDAP_URL: slapd.url,
      LDAP_STARTTLS: 'true',
      LDAP_BIND_DN: READER_DN,
      LDAP_BIND_PASSWORD: READER_PASSWORD,
      LDAP_SEARCH_BASE: PEOPLE,
    };
    const body = { username: 'erin', password: 'erin-pass' };
    const trusted = await startTestApp(
      testConfig('server', { ...env, LDAP_CA_FILE: slapd.caFile! }),
    );
    try {
      await request(trusted.getHttpServer()).post('/v1/auth/ldap/login').send(body).expect(200);
    } finally {
      await trusted.close();
    }
    // Without the CA the certificate does not verify: the directory is unavailable, not the user wrong.
    const untrusted = await startTestApp(testConfig('server', env));
    try {
      await request(untrusted.getHttpServer()).post('/v1/auth/ldap/login').send(body).expect(503);
    } finally {
      await untrusted.close();
    }
  });
});

describe('LDAP sign-in when not configured', () => {
  it('answers 404 problem, under the sign-in rate limit', async () => {
    const app = await startTestApp(testConfig('server', { RATE_LIMIT_AUTH_PER_MINUTE: '2' }));
    try {
      const res = await request(app.getHttpServer())
        .post('/v1/auth/ldap/login')
        .send({ username: 'alice', password: 'x' })
        .expect(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      await request(app.getHttpServer())
        .post('/v1/auth/ldap/login')
        .send({ username: 'alice', password: 'x' })
        .expect(404);
      const limited = await request(app.getHttpServer())
        .post('/v1/auth/ldap/login')
        .send({ username: 'alice', password: 'x' })
        .expect(429);
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      await app.close();
    }
  });
});
