import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { addMember, createCollective } from '../../factories/collectives.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

describe('collectives: roles and hierarchy', () => {
  let app: NestExpressApplication;
  let owner: TestUser;
  const http = () => request(app.getHttpServer());
  const code = (res: { status: number; body: { code?: string } }) =>
    `${res.status} ${res.body.code ?? ''}`.trim();

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    owner = await startFullGuest(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('makes the creator owner, lists mine, and hides a collective from outsiders (404)', async () => {
    const id = await createCollective(app, owner, { name: 'Class 4B', type: 'class' });
    const got = await http().get(`/v1/collectives/${id}`).set(owner.auth).expect(200);
    expect(got.body).toMatchObject({ id, name: 'Class 4B', type: 'class', my_role: 'owner' });
    const mine = await http().get('/v1/collectives?limit=100').set(owner.auth).expect(200);
    expect(mine.body.data.map((c: { id: string }) => c.id)).toContain(id);
    const outsider = await startFullGuest(app);
    await http().get(`/v1/collectives/${id}`).set(outsider.auth).expect(404);
    await http().get(`/v1/collectives/${id}/members`).set(outsider.auth).expect(404);
    await http().patch(`/v1/collectives/${id}`).set(outsider.auth).send({ name: 'x' }).expect(404);
    await http().get('/v1/collectives/not-a-uuid').set(owner.auth).expect(404);
    await http()
      .post('/v1/collectives')
      .set(owner.auth)
      .send({ name: 'x', type: 'tribe' })
      .expect(400);
  });

  it('role matrix: a member cannot invite, change roles or delete (403); an admin manages but does not delete', async () => {
    const id = await createCollective(app, owner);
    const member = await addMember(app, owner, id);
    const admin = await addMember(app, owner, id, 'admin');
    const other = await addMember(app, owner, id);

    expect(code(await http().get(`/v1/collectives/${id}`).set(member.auth))).toBe('200');
    expect(code(await http().get(`/v1/collectives/${id}/members`).set(member.auth))).toBe('200');
    const refusals = [
      await http().post(`/v1/collectives/${id}/invitations`).set(member.auth).send({}),
      await http().get(`/v1/collectives/${id}/invitations`).set(member.auth),
      await http()
        .patch(`/v1/collectives/${id}/members/${other.id}`)
        .set(member.auth)
        .send({ role: 'admin' }),
      await http().delete(`/v1/collectives/${id}/members/${other.id}`).set(member.auth),
      await http().patch(`/v1/collectives/${id}`).set(member.auth).send({ name: 'Mine now' }),
      await http().delete(`/v1/collectives/${id}`).set(member.auth),
    ];
    expect(refusals.map(code)).toEqual(Array(6).fill('403 collective-role-required'));

    await http().post(`/v1/collectives/${id}/invitations`).set(admin.auth).send({}).expect(201);
    await http()
      .patch(`/v1/collectives/${id}/members/${other.id}`)
      .set(admin.auth)
      .send({ role: 'admin' })
      .expect(200);
    // Ownership is the owners' business.
    const promote = await http()
      .patch(`/v1/collectives/${id}/members/${member.id}`)
      .set(admin.auth)
      .send({ role: 'owner' });
    expect(code(promote)).toBe('403 collective-role-required');
    expect(code(await http().delete(`/v1/collectives/${id}`).set(admin.auth))).toBe(
      '403 collective-role-required',
    );
    // Anyone may leave.
    await http().delete(`/v1/collectives/${id}/members/${member.id}`).set(member.auth).expect(204);
    await http().get(`/v1/collectives/${id}`).set(member.auth).expect(404);
    await http().delete(`/v1/collectives/${id}`).set(owner.auth).expect(204);
    await http().get(`/v1/collectives/${id}`).set(owner.auth).expect(404);
  });

  it('keeps the last owner: they cannot leave or be demoted until another owner exists', async () => {
    const id = await createCollective(app, owner);
    const leave = await http().delete(`/v1/collectives/${id}/members/${owner.id}`).set(owner.auth);
    expect(code(leave)).toBe('409 last-owner');
    const demote = await http()
      .patch(`/v1/collectives/${id}/members/${owner.id}`)
      .set(owner.auth)
      .send({ role: 'member' });
    expect(code(demote)).toBe('409 last-owner');
    const heir = await addMember(app, owner, id, 'owner');
    await http().delete(`/v1/collectives/${id}/members/${owner.id}`).set(owner.auth).expect(204);
    const members = await http().get(`/v1/collectives/${id}/members`).set(heir.auth).expect(200);
    expect(members.body.data).toEqual([
      expect.objectContaining({ user_id: heir.id, role: 'owner' }),
    ]);
  });

  it('lets an admin manage members but never demote or remove an owner', async () => {
    const id = await createCollective(app, owner);
    // A second owner, so that the last-owner rule is not what refuses.
    await addMember(app, owner, id, 'owner');
    const admin = await addMember(app, owner, id, 'admin');
    const roleOfOwner = async () => {
      const res = await http().get(`/v1/collectives/${id}/members`).set(owner.auth).expect(200);
      return (res.body.data as { user_id: string; role: string }[]).find(
        (m) => m.user_id === owner.id,
      )?.role;
    };
    expect(await roleOfOwner()).toBe('owner');
    for (const role of ['admin', 'member']) {
      const demote = await http()
        .patch(`/v1/collectives/${id}/members/${owner.id}`)
        .set(admin.auth)
        .send({ role });
      expect(code(demote)).toBe('403 collective-role-required');
    }
    const remove = await http().delete(`/v1/collectives/${id}/members/${owner.id}`).set(admin.auth);
    expect(code(remove)).toBe('403 collective-role-required');
    expect(await roleOfOwner()).toBe('owner');
  });

  it('never leaves a collective without an owner when its two owners step down at once', async () => {
    const partner = await startFullGuest(app);
    const ROUNDS = 12;
    const ids: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const id = await createCollective(app, owner);
      await addMember(app, owner, id, 'owner', partner);
      ids.push(id);
    }
    const demote = (id: string, by: TestUser, target: TestUser) =>
      http()
        .patch(`/v1/collectives/${id}/members/${target.id}`)
        .set(by.auth)
        .send({ role: 'member' });
    // Half the collectives: each owner demotes the other; the other half: each demotes themselves.
    const answers = await Promise.all(
      ids.map(async (id, i) => {
        const [a, b] =
          i % 2 === 0
            ? [demote(id, owner, partner), demote(id, partner, owner)]
            : [demote(id, owner, owner), demote(id, partner, partner)];
        return { id, statuses: (await Promise.all([a, b])).map(code) };
      }),
    );
    const owners = await Promise.all(
      ids.map(async (id) => {
        // A demoted owner stays a member, and members see the member list.
        const res = await http().get(`/v1/collectives/${id}/members`).set(owner.auth).expect(200);
        return (res.body.data as { role: string }[]).filter((m) => m.role === 'owner').length;
      }),
    );
    expect(owners).toEqual(Array(ROUNDS).fill(1));
    for (const { statuses } of answers) {
      // One step-down wins; the other finds the last owner (or, demoted first, lacks the role).
      expect(statuses.filter((s) => s === '200')).toHaveLength(1);
      expect(statuses.filter((s) => s !== '200')[0]).toMatch(
        /^(409 last-owner|403 collective-role-required)$/,
      );
    }
  });

  it('lets the owners and admins of a school manage its classes, and rejects cycles', async () => {
    const school = await createCollective(app, owner, { name: 'Hilltop', type: 'school' });
    const schoolAdmin = await addMember(app, owner, school, 'admin');
    const teacher = await addMember(app, owner, school);
    const klass = (
      await http()
        .post('/v1/collectives')
        .set(schoolAdmin.auth)
        .send({ name: '4B', type: 'class', parent_id: school })
        .expect(201)
    ).body.id as string;
    // The school's owner is no member of the class, yet manages it.
    const seen = await http().get(`/v1/collectives/${klass}`).set(owner.auth).expect(200);
    expect(seen.body).toMatchObject({ parent_id: school, my_role: null });
    await http().patch(`/v1/collectives/${klass}`).set(owner.auth).send({ name: '4C' }).expect(200);
    await http()
      .post(`/v1/collectives/${klass}/invitations`)
      .set(schoolAdmin.auth)
      .send({})
      .expect(201);
    // A plain member of the school cannot hang collectives under it.
    const refused = await http()
      .post('/v1/collectives')
      .set(teacher.auth)
      .send({ name: 'Rogue', type: 'class', parent_id: school });
    expect(code(refused)).toBe('403 collective-role-required');
    const outsider = await startFullGuest(app);
    await http()
      .post('/v1/collectives')
      .set(outsider.auth)
      .send({ name: 'Rogue', type: 'class', parent_id: school })
      .expect(404);

    const cycle = await http()
      .patch(`/v1/collectives/${school}`)
      .set(owner.auth)
      .send({ parent_id: klass });
    expect(code(cycle)).toBe('422 collective-cycle');
    const self = await http()
      .patch(`/v1/collectives/${klass}`)
      .set(owner.auth)
      .send({ parent_id: klass });
    expect(code(self)).toBe('422 collective-cycle');
    expect(code(await http().delete(`/v1/collectives/${school}`).set(owner.auth))).toBe(
      '409 collective-has-children',
    );
    await http().delete(`/v1/collectives/${klass}`).set(schoolAdmin.auth).expect(204);
    await http().delete(`/v1/collectives/${school}`).set(owner.auth).expect(204);
  });
});
