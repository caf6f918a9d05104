import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ConsentService } from '../../../src/modules/consent/consent.service.js';
import { MemoryItemsService } from '../../../src/modules/memory/memory-items.service.js';
import { OutboxMailer } from '../../../src/platform/mail/outbox.mailer.js';
import {
  createCollective,
  createInvitation,
  linkChild,
  makeParent,
  requestParentalConsent,
  startTeen,
} from '../../factories/collectives.js';
import {
  bearer,
  login,
  PROFILE,
  registerPendingConsent,
  startFullGuest,
  uniqueEmail,
  type TestUser,
} from '../../factories/identity.js';
import { startTestApp, testConfig } from '../../support/app.js';

/** A FULL-only route: the probe of a session's scope. */
const FULL_ROUTE = '/v1/collectives';

describe('parental consent and live scope', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());

  const scopeProbe = async (auth: { Authorization: string }) => {
    const res = await http().get(FULL_ROUTE).set(auth);
    return res.status === 200 ? 'FULL' : `${res.status} ${res.body.code}`;
  };

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('keeps a teen PENDING_CONSENT until a parent approves, then moves every live session both ways', async () => {
    const email = uniqueEmail('teen');
    const teen = await registerPendingConsent(app, {
      email,
      profile: { ...PROFILE, user_type: 'teenager' },
    });
    await http().post('/v1/consent/terms').set(teen.auth).expect(200);
    const second = bearer((await login(app, email, teen.password)).access_token);
    for (const auth of [teen.auth, second]) {
      expect(await scopeProbe(auth)).toBe('403 insufficient-scope');
    }
    const status = await http().get('/v1/consent').set(teen.auth).expect(200);
    expect(status.body.missing).toEqual(['parental_consent']);
    await expect(app.get(ConsentService).assertProcessingAllowed(teen.id)).rejects.toMatchObject({
      code: 'consent-required',
    });

    const parentEmail = uniqueEmail('parent');
    const token = await requestParentalConsent(app, teen, parentEmail);
    const mail = await app.get(OutboxMailer).latestTo(parentEmail, 'parental-consent-request');
    expect(mail?.text).toContain(token);
    const stored = (await app
      .get(DataSource)
      .query(`SELECT token_hash FROM app.parental_requests WHERE parent_email = $1`, [
        parentEmail,
      ])) as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);

    const adult = await startFullGuest(app);
    const refused = await http()
      .post(`/v1/consent/parental-requests/${token}/approve`)
      .set(adult.auth)
      .expect(403);
    expect(refused.body.code).toBe('not-a-parent');

    const parent = await makeParent(app, await startFullGuest(app));
    const approved = await http()
      .post(`/v1/consent/parental-requests/${token}/approve`)
      .set(parent.auth)
      .expect(200);
    expect(approved.body).toMatchObject({ user_id: teen.id, user_type: 'teenager' });
    // Same access tokens, no re-login: both sessions are FULL now.
    for (const auth of [teen.auth, second]) expect(await scopeProbe(auth)).toBe('FULL');
    await app.get(ConsentService).assertProcessingAllowed(teen.id);
    const again = await http()
      .post(`/v1/consent/parental-requests/${token}/approve`)
      .set(parent.auth)
      .expect(409);
    expect(again.body.code).toBe('parental-request-used');

    const children = await http().get('/v1/consent/children').set(parent.auth).expect(200);
    expect(children.body).toMatchObject({ data: [{ user_id: teen.id }], next_cursor: null });

    await http().delete(`/v1/consent/children/${teen.id}`).set(parent.auth).expect(204);
    for (const auth of [teen.auth, second]) {
      expect(await scopeProbe(auth)).toBe('403 insufficient-scope');
    }
    await http().delete(`/v1/consent/children/${teen.id}`).set(parent.auth).expect(404);
    expect((await http().get('/v1/consent/children').set(parent.auth)).body.data).toEqual([]);
  });

  it('gates processing in the service layer, not only the routes', async () => {
    const teen = await startTeen(app);
    const memory = app.get(MemoryItemsService);
    const item = { namespace: 'notes', key: 'k', value: 'remember me' };
    await expect(memory.put(teen.id, item)).rejects.toMatchObject({ code: 'consent-required' });
    const count = async () =>
      (
        (await app
          .get(DataSource)
          .query(`SELECT count(*)::int AS n FROM memory.items WHERE user_id = $1`, [teen.id])) as {
          n: number;
        }[]
      )[0]!.n;
    expect(await count()).toBe(0);
    const parent = await startFullGuest(app);
    await makeParent(app, parent);
    const token = await requestParentalConsent(app, teen);
    await http()
      .post(`/v1/consent/parental-requests/${token}/approve`)
      .set(parent.auth)
      .expect(200);
    await memory.put(teen.id, item);
    expect(await count()).toBe(1);
  });

  it('refuses adults asking, expired requests and unknown codes with clear problem types', async () => {
    const adult = await startFullGuest(app);
    const notMinor = await http()
      .post('/v1/consent/parental-requests')
      .set(adult.auth)
      .send({ parent_email: 'p@example.test' })
      .expect(403);
    expect(notMinor.body.code).toBe('not-a-minor');
    const teen = await startTeen(app);
    await http()
      .post('/v1/consent/parental-requests')
      .set(teen.auth)
      .send({ parent_email: 'not an email' })
      .expect(400);

    const parent = await makeParent(app, await startFullGuest(app));
    const token = await requestParentalConsent(app, teen);
    await app
      .get(DataSource)
      .query(
        `UPDATE app.parental_requests SET expires_at = now() - interval '1 minute' WHERE teenager_id = $1`,
        [teen.id],
      );
    const expired = await http()
      .post(`/v1/consent/parental-requests/${token}/approve`)
      .set(parent.auth)
      .expect(410);
    expect(expired.body.code).toBe('parental-request-expired');
    await http()
      .post('/v1/consent/parental-requests/no-such-code/approve')
      .set(parent.auth)
      .expect(404);
    expect(await scopeProbe(teen.auth)).toBe('403 insufficient-scope');
  });

  it('counts the consent of a family owner for its minors, and drops it when withdrawn', async () => {
    const parent: TestUser = await makeParent(app, await startFullGuest(app));
    const family = await createCollective(app, parent, { name: 'The Lovelaces', type: 'family' });
    const teen = await startTeen(app);
    const { token } = await createInvitation(app, parent, family, { age_class: 'teenager' });
    // A PENDING_CONSENT teen may join: that is how a family gives consent.
    await http().post(`/v1/invitations/${token}/accept`).set(teen.auth).expect(200);
    expect(await scopeProbe(teen.auth)).toBe('403 insufficient-scope');

    const byTeen = await http()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(teen.auth)
      .send({});
    expect(byTeen.status).toBe(403);

    const granted = await http()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(parent.auth)
      .send({ granted: true })
      .expect(200);
    expect(granted.body.parental_consent_granted).toBe(true);
    expect(await scopeProbe(teen.auth)).toBe('FULL');

    await http()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(parent.auth)
      .send({ granted: false })
      .expect(200);
    expect(await scopeProbe(teen.auth)).toBe('403 insufficient-scope');

    // A teen joining a family that already consented gets FULL at once.
    await http()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(parent.auth)
      .send({})
      .expect(200);
    const sibling = await startTeen(app);
    expect(await scopeProbe(sibling.auth)).toBe('403 insufficient-scope');
    const invite = await createInvitation(app, parent, family);
    await http().post(`/v1/invitations/${invite.token}/accept`).set(sibling.auth).expect(200);
    expect(await scopeProbe(sibling.auth)).toBe('FULL');
    // Leaving the family takes that consent away.
    await http()
      .delete(`/v1/collectives/${family}/members/${sibling.id}`)
      .set(sibling.auth)
      .expect(204);
    expect(await scopeProbe(sibling.auth)).toBe('403 insufficient-scope');
  });

  it('refuses family consent from a class, and a linked child stays linked to its parent only', async () => {
    const parent = await startFullGuest(app);
    const teen = await linkChild(app, parent);
    const other = await makeParent(app, await startFullGuest(app));
    await http().delete(`/v1/consent/children/${teen.id}`).set(other.auth).expect(404);
    const klass = await createCollective(app, parent, { type: 'class' });
    const res = await http()
      .put(`/v1/collectives/${klass}/parental-consent`)
      .set(parent.auth)
      .send({})
      .expect(422);
    expect(res.body.code).toBe('not-a-family');
  });
});
