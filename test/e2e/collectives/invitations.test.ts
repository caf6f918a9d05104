import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCollective, createInvitation } from '../../factories/collectives.js';
import { startFullGuest, type TestUser } from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

describe('invitations', () => {
  let app: NestExpressApplication;
  let owner: TestUser;
  const http = () => request(app.getHttpServer());
  const accept = (token: string, user: TestUser) =>
    http().post(`/v1/invitations/${token}/accept`).set(user.auth);
  const invitationRow = async (id: string) =>
    (
      (await app
        .get(DataSource)
        .query(`SELECT current_uses, status, token_hash FROM app.invitations WHERE id = $1`, [
          id,
        ])) as { current_uses: number; status: string; token_hash: string }[]
    )[0]!;

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    owner = await startFullGuest(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('R4: 20 concurrent accepts of a usage-limit-1 invitation: exactly one joins', async () => {
    const id = await createCollective(app, owner);
    const invitation = await createInvitation(app, owner, id, { usage_limit: 1 });
    const users = await Promise.all(Array.from({ length: 20 }, () => startFullGuest(app)));
    const results = await Promise.all(users.map((u) => accept(invitation.token, u)));
    const statuses = results.map((r) => `${r.status} ${r.body.code ?? ''}`.trim());
    expect(statuses.filter((s) => s === '200')).toHaveLength(1);
    expect(statuses.filter((s) => s === '409 invitation-used-up')).toHaveLength(19);
    const row = await invitationRow(invitation.id);
    expect(row).toMatchObject({ current_uses: 1, status: 'ACCEPTED' });
    const members = await http().get(`/v1/collectives/${id}/members`).set(owner.auth).expect(200);
    expect(members.body.data).toHaveLength(2);
  });

  it('shows the token once, stores its hash, and defaults an age-class invitation to one use', async () => {
    const id = await createCollective(app, owner);
    const res = await http()
      .post(`/v1/collectives/${id}/invitations`)
      .set(owner.auth)
      .send({ age_class: 'teenager', language: 'fr', label: 'For Léa' })
      .expect(201);
    expect(res.body).toMatchObject({
      usage_limit: 1,
      current_uses: 0,
      status: 'PENDING',
      age_class: 'teenager',
      language: 'fr',
      label: 'For Léa',
    });
    const token = res.body.token as string;
    expect((await invitationRow(res.body.id)).token_hash).not.toContain(token);
    const listed = await http()
      .get(`/v1/collectives/${id}/invitations`)
      .set(owner.auth)
      .expect(200);
    expect(listed.body.data[0]).not.toHaveProperty('token');
    const unlimited = await createInvitation(app, owner, id);
    const a = await startFullGuest(app);
    const b = await startFullGuest(app);
    await accept(unlimited.token, a).expect(200);
    await accept(unlimited.token, b).expect(200);
    expect(await invitationRow(unlimited.id)).toMatchObject({ current_uses: 2, status: 'ACTIVE' });
    // Joining twice takes no use.
    expect((await accept(unlimited.token, a).expect(409)).body.code).toBe('already-member');
    expect((await invitationRow(unlimited.id)).current_uses).toBe(2);
    const adult = await startFullGuest(app);
    await http().patch('/v1/me').set(adult.auth).send({ age_class: 'adult' }).expect(200);
    expect((await accept(token, adult).expect(403)).body.code).toBe(
      'invitation-age-class-mismatch',
    );
  });

  it('refuses expired, revoked, used-up and unknown invitations with clear problem types', async () => {
    const id = await createCollective(app, owner);
    const guest = await startFullGuest(app);
    const expired = await createInvitation(app, owner, id);
    await app
      .get(DataSource)
      .query(`UPDATE app.invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        expired.id,
      ]);
    expect((await accept(expired.token, guest).expect(410)).body).toMatchObject({
      code: 'invitation-expired',
      type: expect.stringContaining('invitation-expired'),
    });

    const revoked = await createInvitation(app, owner, id);
    await http()
      .delete(`/v1/collectives/${id}/invitations/${revoked.id}`)
      .set(owner.auth)
      .expect(204);
    expect((await accept(revoked.token, guest).expect(410)).body.code).toBe('invitation-revoked');

    const once = await createInvitation(app, owner, id, { usage_limit: 1 });
    await accept(once.token, await startFullGuest(app)).expect(200);
    expect((await accept(once.token, guest).expect(409)).body.code).toBe('invitation-used-up');
    await accept('no-such-token', guest).expect(404);

    const listed = await http()
      .get(`/v1/collectives/${id}/invitations`)
      .set(owner.auth)
      .expect(200);
    const statusOf = (inv: { id: string }) =>
      (listed.body.data as { id: string; status: string }[]).find((i) => i.id === inv.id)?.status;
    expect([statusOf(expired), statusOf(revoked), statusOf(once)]).toEqual([
      'EXPIRED',
      'REVOKED',
      'ACCEPTED',
    ]);
    await http()
      .delete(`/v1/collectives/${id}/invitations/${crypto.randomUUID()}`)
      .set(owner.auth)
      .expect(404);
    const past = await http()
      .post(`/v1/collectives/${id}/invitations`)
      .set(owner.auth)
      .send({ expires_at: '2001-01-01T00:00:00Z' })
      .expect(400);
    expect(past.body.errors[0].field).toBe('expires_at');
    await http()
      .post(`/v1/collectives/${id}/invitations`)
      .set(owner.auth)
      .send({ usage_limit: 0 })
      .expect(400);
  });
});
