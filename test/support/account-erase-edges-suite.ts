import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ERASE_CONFIRMATION, LockoutService } from '../../src/modules/auth/lockout.service.js';
import type { AppConfig } from '../../src/platform/config/config.js';
import { addMember, createCollective, linkChild } from '../factories/collectives.js';
import { createConversation } from '../factories/conversations.js';
import { registerAdmin } from '../factories/feature-flags.js';
import { bearer, registerFullUser, startFullGuest, type TestUser } from '../factories/identity.js';
import { startTestApp } from './app.js';

/**
 * The edges of erasing an account: parents, owners of collectives, users of a
 * trusted client, and guessing the password that confirms it.
 */
export function describeAccountEraseEdges(
  label: string,
  makeConfig: () => Promise<AppConfig>,
): void {
  describe(`DELETE /v1/me, its edges (${label})`, () => {
    let app: NestExpressApplication;
    let config: AppConfig;
    const http = () => request(app.getHttpServer());
    const count = async (sql: string, params: unknown[]) =>
      ((await app.get(DataSource).query(sql, params)) as { n: number }[])[0]!.n;

    beforeAll(async () => {
      config = await makeConfig();
      app = await startTestApp(config);
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      if (config) fs.rmSync(config.dataDir, { recursive: true, force: true });
    });

    it("a parent's erasure takes the consent they gave; the child's data stays", async () => {
      const parent = await registerFullUser(app);
      const teen = await linkChild(app, parent);
      const conversation = await createConversation(app, teen);

      const res = await http().delete('/v1/me').set(parent.auth).send({}).expect(200);
      expect(res.body.removed['app.parental_consents']).toBe(1);
      expect(res.body.verification.passed).toBe(true);

      // At once, without signing in again: the teen's session waits for consent.
      const refused = await http().get(`/v1/conversations/${conversation}`).set(teen.auth);
      expect([refused.status, refused.body.code]).toEqual([403, 'insufficient-scope']);
      const consent = await http().get('/v1/consent').set(teen.auth).expect(200);
      expect(consent.body.missing).toEqual(['parental_consent']);
      expect(
        await count(`SELECT count(*)::int AS n FROM app.conversations WHERE user_id = $1`, [
          teen.id,
        ]),
      ).toBe(1);
    });

    it('the last owner of a collective hands it to the longest-standing adult admin', async () => {
      const owner = await startFullGuest(app);
      const collective = await createCollective(app, owner, { type: 'organization' });
      const member = await addMember(app, owner, collective, 'member');
      const admin = await addMember(app, owner, collective, 'admin');
      const alone = await createCollective(app, owner, { type: 'class', name: 'Nobody else' });

      const res = await http().delete('/v1/me').set(owner.auth).send({}).expect(200);
      expect(res.body.removed['app.collectives']).toBe(1);

      const members = await http()
        .get(`/v1/collectives/${collective}/members`)
        .set(admin.auth)
        .expect(200);
      const roles = Object.fromEntries(
        (members.body.data as { user_id: string; role: string }[]).map((m) => [m.user_id, m.role]),
      );
      expect(roles).toEqual({ [admin.id]: 'owner', [member.id]: 'member' });
      expect(
        await count(`SELECT count(*)::int AS n FROM app.collectives WHERE id = $1`, [alone]),
      ).toBe(0);
    });

    it("a trusted client's user goes alone: the client and its other users stay", async () => {
      const admin = await registerAdmin(app);
      const created = await http()
        .post('/v1/admin/trusted-clients')
        .set(admin.auth)
        .send({ name: 'erase-bot', idp: 'discord' })
        .expect(201);
      const bot = (loginId: string) =>
        http()
          .post('/v1/auth/idp/discord/login')
          .set({ 'X-Client-Id': created.body.id, 'X-Client-Secret': created.body.secret })
          .send({ login_id: loginId })
          .expect(200);
      const leaving = bearer((await bot('erase-1')).body.access_token);
      const staying = bearer((await bot('erase-2')).body.access_token);
      const before = await http().get('/v1/me').set(leaving).expect(200);

      const res = await http().delete('/v1/me').set(leaving).send({}).expect(200);
      expect(res.body.removed['app.idp_logins']).toBe(1);

      await http().get('/v1/me').set(staying).expect(200);
      // The same login id later is a new, empty account: nothing of the old one comes back.
      const again = await http()
        .get('/v1/me')
        .set(bearer((await bot('erase-1')).body.access_token));
      expect(again.status).toBe(200);
      expect(again.body.id).not.toBe(before.body.id);
      const clients = await http().get('/v1/admin/trusted-clients').set(admin.auth).expect(200);
      expect((clients.body.data as { id: string }[]).map((c) => c.id)).toContain(created.body.id);
    });

    it('locks the password confirmation per account after five wrong ones, the right one too, until the wait ends', async () => {
      const user = await registerFullUser(app);
      const other = await registerFullUser(app);
      const erase = (who: TestUser, password: string) =>
        http().delete('/v1/me').set(who.auth).send({ password });
      for (let i = 0; i < 5; i++) await erase(user, `guess-${i}`).expect(403);
      const locked = await erase(user, user.password).expect(429);
      expect(locked.headers['content-type']).toMatch(/problem\+json/);
      expect(locked.body.code).toBe('account-locked');
      const wait = Number(locked.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(30);
      expect(locked.body.retry_after).toBe(wait);
      await http().get('/v1/me').set(user.auth).expect(200);

      // A key space of its own: the account's sign-ins, the address's and another account's erasure go on.
      await http()
        .post('/v1/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(200);
      await erase(other, 'not-it').expect(403);
      await erase(user, user.password).expect(429);

      // The wait over (its attempts moved back past it): the right password erases, attempts included.
      const key = app.get(LockoutService).forSpace(ERASE_CONFIRMATION).accountKey(user.id);
      const attempts = `SELECT count(*)::int AS n FROM app.login_attempts WHERE account_key = $1`;
      expect(await count(attempts, [key])).toBe(7);
      await app
        .get(DataSource)
        .query(
          `UPDATE app.login_attempts SET created_at = created_at - interval '31 seconds' WHERE account_key = $1`,
          [key],
        );
      const done = await erase(user, user.password).expect(200);
      expect(done.body.verification.passed).toBe(true);
      expect(await count(attempts, [key])).toBe(0);
      await erase(other, other.password).expect(200);
    });
  });
}
