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
