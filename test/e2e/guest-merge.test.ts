import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { USER_LINKED_COLUMNS } from '../../src/modules/auth/user-linked-columns.js';
import { createArtifact } from '../factories/artifacts.js';
import { appendMessage, createConversation } from '../factories/conversations.js';
import { bearer, registerFullUser, startFullGuest, type TestUser } from '../factories/identity.js';
import {
  startTestApp,
  tempDir,
  testConfig,
  testRedisPrefix,
  type TestMode,
} from '../support/app.js';
import { startJwksServer, type TestIdp } from '../support/jwks-server.js';

const AUDIENCE = 'parley-web';

interface Seeded {
  conversationId: string;
  messageId: string;
  artifactId: string;
}

const memoryPath = (key: string) => `/v1/memory/items/prefs/${key}`;

/**
 * What a guest typically leaves behind: a conversation with two messages and a
 * vote, feedback, an artifact (in a conversation of its own) and memory items,
 * two of whose keys the account holds as well: `colour` written by the account
 * first (the guest's is newer and wins), `size` written by the account last
 * (the account's is newer and stays).
 */
async function seedGuest(
  app: NestExpressApplication,
  guest: TestUser,
  account: TestUser,
): Promise<Seeded> {
  const http = () => request(app.getHttpServer());
  const conversationId = await createConversation(app, guest);
  const first = await appendMessage(app, guest, conversationId, {
    message_id: 'm-hello',
    content: 'hello',
  });
  await appendMessage(app, guest, conversationId, { message_id: 'm-again', content: 'again' });
  await http()
    .put(`/v1/conversations/${conversationId}/messages/${first.id}/vote`)
    .set(guest.auth)
    .send({ value: 'up' })
    .expect(200);
  await http().post('/v1/feedback').set(guest.auth).send({ rating: 4 }).expect(201);
  const artifactId = await createArtifact(app, guest);
  await http().put(memoryPath('colour')).set(account.auth).send({ value: 'account-old' });
  await http().put(memoryPath('colour')).set(guest.auth).send({ value: 'guest-new' });
  await http().put(memoryPath('size')).set(guest.auth).send({ value: 'guest-old' });
  await http().put(memoryPath('size')).set(account.auth).send({ value: 'account-new' });
  await http().put(memoryPath('only-guest')).set(guest.auth).send({ value: 'kept' });
  // The owner cache now remembers the guest as the owner of the conversation.
  await http().get(`/v1/conversations/${conversationId}`).set(guest.auth).expect(200);
  return { conversationId, messageId: first.id, artifactId };
}

describe.each<TestMode>(['server', 'embedded'])('guest merge on password sign-in (%s)', (mode) => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const loginAs = (user: TestUser) =>
    http().post('/v1/auth/login').send({ email: user.email, password: user.password });

  beforeAll(async () => {
    app = await startTestApp(testConfig(mode));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('moves everything the guest owns to the account and removes the guest', async () => {
    const account = await registerFullUser(app);
    const guest = await startFullGuest(app);
    const seeded = await seedGuest(app, guest, account);

    const res = await loginAs(account).set(guest.auth).expect(200);
    expect(res.body.merge_skipped).toBeUndefined();
    expect(res.body.merged).toEqual({
      guest_id: guest.id,
      conversations: 2,
      messages: 2,
      chat_sessions: expect.any(Number),
      memory_items: 2,
      memory_items_dropped: 2,
      artifacts: 1,
      feedback: 1,
      votes: 1,
      tables: expect.objectContaining({
        'app.conversations': 2,
        'app.messages': 2,
        'app.artifacts': 1,
        'app.feedback': 1,
        'app.message_votes': 1,
        'memory.items': 2,
      }),
    });
    const me = bearer(res.body.access_token);

    // Ownership moved at once, whatever the owner cache remembered.
    await http().get(`/v1/conversations/${seeded.conversationId}`).set(me).expect(200);
    const messages = await http()
      .get(`/v1/conversations/${seeded.conversationId}/messages`)
      .set(me)
      .expect(200);
    expect(messages.body.data.map((m: { content: string }) => m.content)).toEqual([
      'hello',
      'again',
    ]);
    const list = await http().get('/v1/conversations').set(me).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(seeded.conversationId);

    // Memory: the newer updated_at won each key, the guest-only item came along.
    const value = async (key: string) =>
      (await http().get(memoryPath(key)).set(me).expect(200)).body.value;
    expect(await value('colour')).toBe('guest-new');
    expect(await value('size')).toBe('account-new');
    expect(await value('only-guest')).toBe('kept');

    // The artifact is the account's and its blob still reads.
    await http().get(`/v1/artifacts/${seeded.artifactId}`).set(me).expect(200);
    await http().get(`/v1/artifacts/${seeded.artifactId}/download`).set(me).expect(307);

    // The guest is gone: its token and refresh token are dead, its row removed.
    await http().get('/v1/me').set(guest.auth).expect(401);
    await http()
      .post('/v1/auth/refresh')
      .send({ refresh_token: guest.tokens.refresh_token })
      .expect(401);
    const db = app.get(DataSource);
    expect(await db.query(`SELECT 1 FROM app.users WHERE id = $1`, [guest.id])).toEqual([]);

    // Presenting the merged guest's token again merges nothing.
    const again = await loginAs(account).set(guest.auth).expect(200);
    expect(again.body).toMatchObject({ merge_skipped: 'invalid-token' });
    expect(again.body.merged).toBeUndefined();
  });

  it('signs in without a merge when the token is not a live guest’s, and says why', async () => {
    const account = await registerFullUser(app);
    const other = await registerFullUser(app);
    const plain = await loginAs(account).expect(200);
    expect(plain.body.merged).toBeUndefined();
    expect(plain.body.merge_skipped).toBeUndefined();

    const conversationId = await createConversation(app, other);
    const notGuest = await loginAs(account).set(other.auth).expect(200);
    expect(notGuest.body).toMatchObject({ merge_skipped: 'not-a-guest' });
    await http().get(`/v1/conversations/${conversationId}`).set(other.auth).expect(200);

    const own = await loginAs(account).set(account.auth).expect(200);
    expect(own.body).toMatchObject({ merge_skipped: 'same-account' });

    const garbage = await loginAs(account).set(bearer('not.a.token')).expect(200);
    expect(garbage.body).toMatchObject({ merge_skipped: 'invalid-token' });
    const notBearer = await loginAs(account).set('Authorization', 'Basic abc').expect(200);
    expect(notBearer.body).toMatchObject({ merge_skipped: 'invalid-token' });

    const guest = await startFullGuest(app);
    const guestConversation = await createConversation(app, guest);
    await http().post('/v1/auth/logout').set(guest.auth).expect(204);
    const revoked = await loginAs(account).set(guest.auth).expect(200);
    expect(revoked.body).toMatchObject({ merge_skipped: 'invalid-token' });
    // The guest's data stays where it was.
    const db = app.get(DataSource);
    expect(
      await db.query(`SELECT user_id FROM app.conversations WHERE id = $1`, [guestConversation]),
    ).toEqual([{ user_id: guest.id }]);

    // Wrong credentials still fail, with or without a guest token.
    await http()
      .post('/v1/auth/login')
      .set((await startFullGuest(app)).auth)
      .send({ email: account.email, password: 'wrong-password' })
      .expect(401);
  });
});

describe('guest merge (PostgreSQL + Redis)', () => {
  let idp: TestIdp;
  let a: NestExpressApplication;
  let b: NestExpressApplication;

  beforeAll(async () => {
    idp = await startJwksServer();
    const providers = [
      { name: 'acme', issuer: idp.issuer, audience: AUDIENCE, jwks_url: idp.jwksUrl },
    ];
    // One deployment of two instances: the database, the Redis namespace and the signing keys.
    const env = {
      DATA_DIR: tempDir(),
      IDENTITY_PROVIDERS: JSON.stringify(providers),
      REDIS_KEY_PREFIX: testRedisPrefix('merge'),
    };
    a = await startTestApp(testConfig('server', env));
    b = await startTestApp(testConfig('server', env));
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await idp?.close();
  });

  it('handles every user-linked column the catalogue has, and names none it lacks', async () => {
    const rows = (await a.get(DataSource).query(
      `SELECT kcu.table_schema || '.' || kcu.table_name AS table, kcu.column_name AS column
         FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
         JOIN information_schema.key_column_usage ref
           ON ref.constraint_schema = rc.unique_constraint_schema
          AND ref.constraint_name = rc.unique_constraint_name
          AND ref.ordinal_position = kcu.position_in_unique_constraint
        WHERE ref.table_schema = 'app' AND ref.table_name = 'users'
       UNION
       SELECT table_schema || '.' || table_name, column_name
         FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (column_name IN ('user_id', 'actor_id') OR column_name LIKE '%\\_user\\_id')`,
    )) as { table: string; column: string }[];
    const inCatalogue = rows.map((r) => `${r.table}.${r.column}`).sort();
    const handled = USER_LINKED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort();
    expect(handled).toEqual(inCatalogue);
  });

  it('merges a guest once when two sign-ins race with its token', async () => {
    const account = await registerFullUser(a);
    const guest = await startFullGuest(a);
    await createConversation(a, guest);
    const signIn = (app: NestExpressApplication) =>
      request(app.getHttpServer())
        .post('/v1/auth/login')
        .set(guest.auth)
        .send({ email: account.email, password: account.password })
        .expect(200);
    const answers = await Promise.all([signIn(a), signIn(b)]);
    const merged = answers.filter((r) => r.body.merged);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.body.merged).toMatchObject({ guest_id: guest.id, conversations: 1 });
    expect(answers.filter((r) => r.body.merge_skipped === 'invalid-token')).toHaveLength(1);
  });

  it('merges on IdP sign-in and every instance sees the new owner at once', async () => {
    const guest = await startFullGuest(b);
    const conversationId = await createConversation(b, guest);
    await appendMessage(b, guest, conversationId, {
      message_id: 'm-guest',
      content: 'from the guest',
    });
    // Instance b caches the guest as the owner.
    await request(b.getHttpServer())
      .get(`/v1/conversations/${conversationId}`)
      .set(guest.auth)
      .expect(200);

    const idToken = await idp.sign({ sub: `merge-${Date.now()}`, aud: AUDIENCE });
    const res = await request(a.getHttpServer())
      .post('/v1/auth/idp/acme/login')
      .set(guest.auth)
      .send({ id_token: idToken })
      .expect(200);
    expect(res.body.merged).toMatchObject({ guest_id: guest.id, conversations: 1, messages: 1 });

    // The IdP account is ONBOARDING; bring it to FULL to read the conversation.
    const me = bearer(res.body.access_token);
    await request(a.getHttpServer())
      .patch('/v1/me')
      .set(me)
      .send({ name: 'Merged', language: 'en', user_type: 'adult' })
      .expect(200);
    await request(a.getHttpServer()).post('/v1/consent/terms').set(me).expect(200);
    await request(b.getHttpServer()).get(`/v1/conversations/${conversationId}`).set(me).expect(200);
    // On the other instance too, the guest's token is dead and the guest owns nothing.
    await request(b.getHttpServer()).get('/v1/me').set(guest.auth).expect(401);
    const account = await registerFullUser(b);
    await request(b.getHttpServer())
      .get(`/v1/conversations/${conversationId}`)
      .set(account.auth)
      .expect(404);
  });
});
