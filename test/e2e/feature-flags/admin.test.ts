import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { registerFullUser, type TestUser } from '../../factories/identity.js';
import { createFlag, registerAdmin, uniqueFlagName } from '../../factories/feature-flags.js';
import { startFlagApps } from '../../support/flag-apps.js';

describe('feature flags: administration and the audit log', () => {
  let app: NestExpressApplication;
  let close: () => Promise<void>;
  let admin: TestUser;
  let user: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({
      apps: [app],
      close,
    } = await startFlagApps('flags_admin', 1));
    [admin, user] = await Promise.all([registerAdmin(app!), registerFullUser(app!)]);
  });

  afterAll(async () => {
    await close?.();
  });

  it('creates with defaults, lists, patches only what is sent, bumps the version, deletes', async () => {
    const name = uniqueFlagName('crud');
    const created = await createFlag(app, admin, { name });
    expect(created).toMatchObject({
      name,
      description: null,
      is_enabled: false,
      environment: 'all',
      visibility: 'all',
      variant: 'all',
      targeting_rules: { rules: [], rollout: null },
      version: 1,
    });
    const listed = await http().get('/v1/admin/feature-flags').set(admin.auth).expect(200);
    expect(listed.body.data.map((f: { name: string }) => f.name)).toContain(name);

    const patched = await http()
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send({
        is_enabled: true,
        description: 'New onboarding',
        targeting_rules: {
          rules: [{ attribute: 'country', operator: 'in', values: ['DE'] }],
          rollout: { percentage: 30 },
        },
      })
      .expect(200);
    expect(patched.body).toMatchObject({
      is_enabled: true,
      description: 'New onboarding',
      environment: 'all',
      targeting_rules: {
        rules: [{ attribute: 'country', operator: 'in', values: ['DE'] }],
        rollout: { percentage: 30, stickiness: 'user_id' },
      },
      version: 2,
    });
    // The same values again change nothing, so the version stays.
    const same = await http()
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send({ is_enabled: true })
      .expect(200);
    expect(same.body.version).toBe(2);
    const cleared = await http()
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send({ description: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ description: null, is_enabled: true, version: 3 });

    await http().delete(`/v1/admin/feature-flags/${name}`).set(admin.auth).expect(204);
    await http().delete(`/v1/admin/feature-flags/${name}`).set(admin.auth).expect(404);
    await http().patch(`/v1/admin/feature-flags/${name}`).set(admin.auth).send({}).expect(404);
  });

  it('refuses a second flag of the same name with 409', async () => {
    const name = uniqueFlagName('dup');
    await createFlag(app, admin, { name });
    const res = await http().post('/v1/admin/feature-flags').set(admin.auth).send({ name });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('hides the admin surface from anyone who is not an admin', async () => {
    const name = uniqueFlagName('hidden');
    await createFlag(app, admin, { name });
    const calls = [
      http().get('/v1/admin/feature-flags'),
      http().post('/v1/admin/feature-flags').send({ name: uniqueFlagName() }),
      http().patch(`/v1/admin/feature-flags/${name}`).send({ is_enabled: true }),
      http().delete(`/v1/admin/feature-flags/${name}`),
      http().get('/v1/admin/audit-log'),
    ];
    for (const call of calls) {
      const res = await call.set(user.auth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not-found');
    }
    const still = await http().get('/v1/admin/feature-flags').set(admin.auth).expect(200);
    expect(still.body.data.find((f: { name: string }) => f.name === name)).toMatchObject({
      is_enabled: false,
      version: 1,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name that is no slug', { name: 'Not A Slug' }, 'name'],
    [
      'an unknown attribute',
      { rules: [{ attribute: 'email', operator: 'in', values: ['a'] }] },
      'targeting_rules.rules.0.attribute',
    ],
    [
      'an unknown operator',
      { rules: [{ attribute: 'country', operator: 'equals', values: ['a'] }] },
      'targeting_rules.rules.0.operator',
    ],
    [
      'a bad version for semver_gt',
      { rules: [{ attribute: 'language', operator: 'semver_gt', values: ['v-one'] }] },
      'targeting_rules.rules.0.values',
    ],
    [
      'a percentage over 100',
      { rollout: { percentage: 120 } },
      'targeting_rules.rollout.percentage',
    ],
    [
      'an unknown stickiness',
      { rollout: { percentage: 10, stickiness: 'email' } },
      'targeting_rules.rollout.stickiness',
    ],
  ])('answers 400 naming the field for %s, and writes nothing', async (_what, input, field) => {
    const name = uniqueFlagName('bad');
    const body = 'name' in input ? input : { name, targeting_rules: input };
    const before = await http().get('/v1/admin/audit-log?limit=1').set(admin.auth).expect(200);
    const res = await http().post('/v1/admin/feature-flags').set(admin.auth).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = await http().get('/v1/admin/audit-log?limit=1').set(admin.auth).expect(200);
    expect(after.body.data[0].id).toBe(before.body.data[0].id);
  });

  it('refuses a PATCH that sets a non-nullable field to null', async () => {
    const name = uniqueFlagName('null');
    await createFlag(app, admin, { name });
    const res = await http()
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send({ targeting_rules: null });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'targeting_rules', message: expect.stringContaining('null') },
    ]);
  });

  it('audits every change with the actor and the flag before and after, newest first', async () => {
    const name = uniqueFlagName('audited');
    await createFlag(app, admin, { name, is_enabled: false });
    await http()
      .patch(`/v1/admin/feature-flags/${name}`)
      .set(admin.auth)
      .send({ is_enabled: true })
      .expect(200);
    await http().delete(`/v1/admin/feature-flags/${name}`).set(admin.auth).expect(204);

    const log = await http().get('/v1/admin/audit-log?limit=3').set(admin.auth).expect(200);
    expect(log.body.data).toEqual([
      expect.objectContaining({
        actor_type: 'user',
        actor_id: admin.id,
        action: 'feature-flag.delete',
        target_type: 'feature-flag',
        target_id: name,
        before: expect.objectContaining({ name, is_enabled: true, version: 2 }),
        after: null,
      }),
      expect.objectContaining({
        action: 'feature-flag.update',
        before: expect.objectContaining({ is_enabled: false, version: 1 }),
        after: expect.objectContaining({ is_enabled: true, version: 2 }),
      }),
      expect.objectContaining({
        action: 'feature-flag.create',
        before: null,
        after: expect.objectContaining({ name, version: 1 }),
      }),
    ]);
    expect(log.body.next_cursor).toEqual(expect.any(String));
  });

  it('pages the whole log once with cursors, and refuses a cursor it did not issue', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: request.Response = await http()
        .get(`/v1/admin/audit-log?limit=2${after ? `&after=${after}` : ''}`)
        .set(admin.auth)
        .expect(200);
      seen.push(...page.body.data.map((e: { id: string }) => e.id));
      after = page.body.next_cursor as string | null;
    } while (after);
    const all = await http().get('/v1/admin/audit-log?limit=100').set(admin.auth).expect(200);
    expect(seen).toEqual(all.body.data.map((e: { id: string }) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
    // The admin's own grant is there, from the command line.
    expect(all.body.data).toContainEqual(
      expect.objectContaining({
        actor_type: 'cli',
        actor_id: null,
        action: 'role.grant',
        target_type: 'user',
        target_id: admin.id,
        before: { roles: [] },
        after: { roles: ['admin'] },
      }),
    );
    const bad = await http().get('/v1/admin/audit-log?after=bm90LWEtY3Vyc29y').set(admin.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-cursor');
  });
});
