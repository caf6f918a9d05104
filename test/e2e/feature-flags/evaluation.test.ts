import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { rolloutBucket } from '../../../src/modules/feature-flags/bucketing.js';
import { createConversation } from '../../factories/conversations.js';
import { createFlag, registerAdmin, uniqueFlagName } from '../../factories/feature-flags.js';
import { registerFullUser, startGuest, type TestUser } from '../../factories/identity.js';
import { startFlagApps } from '../../support/flag-apps.js';

describe('feature flags: evaluation for callers, and the flags that gate behaviour', () => {
  let app: NestExpressApplication;
  let close: () => Promise<void>;
  let admin: TestUser;
  let german: TestUser;
  let french: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // Staging: flags for production or development are off here.
    ({
      apps: [app],
      close,
    } = await startFlagApps('flags_eval', 1, { PARLEY_ENVIRONMENT: 'staging' }));
    [admin, german, french] = await Promise.all([
      registerAdmin(app!),
      registerFullUser(app!),
      registerFullUser(app!),
    ]);
    await http().patch('/v1/me').set(german.auth).send({ country: 'DE' }).expect(200);
    await http().patch('/v1/me').set(french.auth).send({ country: 'FR' }).expect(200);
  });

  afterAll(async () => {
    await close?.();
  });

  const evaluation = (user: TestUser, name: string, query = '') =>
    http().get(`/v1/feature-flags/${name}/evaluation${query}`).set(user.auth);

  it('explains each outcome with its reason, the deciding step and the flag version', async () => {
    const name = uniqueFlagName('eval');
    await createFlag(app, admin, {
      name,
      is_enabled: true,
      targeting_rules: { rules: [{ attribute: 'country', operator: 'in', values: ['DE', 'AT'] }] },
    });
    expect((await evaluation(german, name).expect(200)).body).toEqual({
      name,
      value: true,
      variant: 'on',
      reason: 'TARGETING_MATCH',
      rule_id: 'rules',
      error_code: null,
      flag_version: 1,
    });
    expect((await evaluation(french, name).expect(200)).body).toMatchObject({
      value: false,
      variant: 'off',
      reason: 'DEFAULT',
      rule_id: 'rules.0',
    });

    await http()
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send({ is_enabled: false })
      .expect(200);
    expect((await evaluation(german, name).expect(200)).body).toMatchObject({
      value: false,
      reason: 'DISABLED',
      rule_id: null,
      flag_version: 2,
    });
  });

  it('is off outside its environment, and static inside it', async () => {
    const production = uniqueFlagName('prod');
    const staging = uniqueFlagName('staging');
    await createFlag(app, admin, { name: production, is_enabled: true, environment: 'production' });
    await createFlag(app, admin, { name: staging, is_enabled: true, environment: 'staging' });
    expect((await evaluation(german, production).expect(200)).body).toMatchObject({
      value: false,
      reason: 'DISABLED',
      rule_id: 'environment',
    });
    expect((await evaluation(german, staging).expect(200)).body).toMatchObject({
      value: true,
      reason: 'STATIC',
    });
  });

  it('serves a variant only to its user type, and a visibility only to its side', async () => {
    const teens = uniqueFlagName('teens');
    const backend = uniqueFlagName('backend');
    await createFlag(app, admin, { name: teens, is_enabled: true, variant: 'teenager' });
    await createFlag(app, admin, { name: backend, is_enabled: true, visibility: 'backend' });
    // The factory's users are adults.
    expect((await evaluation(german, teens).expect(200)).body).toMatchObject({
      value: false,
      rule_id: 'variant',
    });
    expect((await evaluation(german, backend).expect(200)).body).toMatchObject({
      value: false,
      reason: 'DISABLED',
      rule_id: 'visibility',
    });
    expect((await evaluation(german, backend, '?audience=backend').expect(200)).body).toMatchObject(
      { value: true, reason: 'STATIC' },
    );
  });

  it('splits a rollout by the bucket of the caller', async () => {
    const name = uniqueFlagName('split');
    await createFlag(app, admin, {
      name,
      is_enabled: true,
      targeting_rules: { rollout: { percentage: 50 } },
    });
    for (const user of [german, french, admin]) {
      expect((await evaluation(user, name).expect(200)).body).toMatchObject({
        value: rolloutBucket(name, user.id) < 50,
        reason: 'SPLIT',
        rule_id: 'rollout',
      });
    }
  });

  it('answers 404 for a flag that does not exist and 400 for a name that cannot be one', async () => {
    const missing = await evaluation(german, uniqueFlagName('missing'));
    expect(missing.status).toBe(404);
    const bad = await evaluation(german, 'Not_A_Slug');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('name');
    expect((await evaluation(german, uniqueFlagName(), '?audience=robots')).status).toBe(400);
  });

  it('lists front-end flags for anonymous callers without attributes, and for users with theirs', async () => {
    const forGermans = uniqueFlagName('de');
    const hidden = uniqueFlagName('hidden');
    const open = uniqueFlagName('open');
    await createFlag(app, admin, {
      name: forGermans,
      is_enabled: true,
      visibility: 'frontend',
      targeting_rules: { rules: [{ attribute: 'country', operator: 'in', values: ['DE'] }] },
    });
    await createFlag(app, admin, { name: hidden, is_enabled: true, visibility: 'backend' });
    await createFlag(app, admin, { name: open, is_enabled: true });

    const anonymous = await http().get('/v1/feature-flags').expect(200);
    expect(anonymous.body).toMatchObject({ [forGermans]: false, [open]: true });
    expect(anonymous.body).not.toHaveProperty(hidden);

    const mine = await http().get('/v1/feature-flags').set(german.auth).expect(200);
    expect(mine.body).toMatchObject({ [forGermans]: true, [open]: true });
    expect(mine.body).not.toHaveProperty(hidden);
    const theirs = await http().get('/v1/feature-flags').set(french.auth).expect(200);
    expect(theirs.body[forGermans]).toBe(false);

    // A session below FULL is evaluated too; a token that does not verify is refused.
    const guest = await startGuest(app);
    await http().get('/v1/feature-flags').set(guest.auth).expect(200);
    await http().get('/v1/feature-flags').set('Authorization', 'Bearer nope').expect(401);
  });

  it('targets the origin of the session and the collectives of the user', async () => {
    const discord = uniqueFlagName('discord');
    await createFlag(app, admin, {
      name: discord,
      is_enabled: true,
      targeting_rules: { rules: [{ attribute: 'origin', operator: 'in', values: ['discord'] }] },
    });
    const fromDiscord = (
      await http().post('/v1/auth/guest').set('X-Client-Origin', 'discord').expect(201)
    ).body.access_token as string;
    const onDiscord = await http()
      .get('/v1/feature-flags')
      .set('Authorization', `Bearer ${fromDiscord}`)
      .expect(200);
    expect(onDiscord.body[discord]).toBe(true);
    expect((await http().get('/v1/feature-flags').set(german.auth).expect(200)).body[discord]).toBe(
      false,
    );

    const family = await http()
      .post('/v1/collectives')
      .set(german.auth)
      .send({ name: 'Family', type: 'family' })
      .expect(201);
    const members = uniqueFlagName('members');
    await createFlag(app, admin, {
      name: members,
      is_enabled: true,
      targeting_rules: {
        rules: [{ attribute: 'collective_ids', operator: 'in', values: [family.body.id] }],
      },
    });
    expect((await evaluation(german, members).expect(200)).body.value).toBe(true);
    expect((await evaluation(french, members).expect(200)).body.value).toBe(false);
  });

  it('closes guest sign-up with the guest-sign-up flag, and reopens it when the flag goes', async () => {
    await http().post('/v1/auth/guest').expect(201);
    await createFlag(app, admin, { name: 'guest-sign-up', is_enabled: false });
    const refused = await http().post('/v1/auth/guest');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('feature-disabled');
    await http().delete('/v1/admin/feature-flags/guest-sign-up').set(admin.auth).expect(204);
    await http().post('/v1/auth/guest').expect(201);
  });

  it('stops the memory lake taking summaries for whom the memory-lake flag is off', async () => {
    const conversation = await createConversation(app, french);
    const other = await createConversation(app, german);
    await createFlag(app, admin, {
      name: 'memory-lake',
      is_enabled: true,
      targeting_rules: { rules: [{ attribute: 'country', operator: 'not_in', values: ['FR'] }] },
    });
    const refused = await http()
      .post('/v1/memory/summaries')
      .set(french.auth)
      .send({ conversation_id: conversation, summary: 'kept out' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('feature-disabled');
    await http()
      .post('/v1/memory/summaries')
      .set(german.auth)
      .send({ conversation_id: other, summary: 'let in' })
      .expect(202);
    await http().delete('/v1/admin/feature-flags/memory-lake').set(admin.auth).expect(204);
    await http()
      .post('/v1/memory/summaries')
      .set(french.auth)
      .send({ conversation_id: conversation, summary: 'let in again' })
      .expect(202);
  });
});
