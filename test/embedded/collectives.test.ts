import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import {
  createCollective,
  createInvitation,
  makeParent,
  requestParentalConsent,
  startTeen,
} from '../factories/collectives.js';
import { startFullGuest } from '../factories/identity.js';
import { startTestApp, tempDir } from '../support/app.js';

/** Consent and collectives in the embedded default: PGlite serialises every transaction. */
describe('consent and collectives in embedded mode', () => {
  const dataDir = tempDir('parley-embedded-collectives-');
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  const probe = async (auth: { Authorization: string }) =>
    (await http().get('/v1/collectives').set(auth)).status;

  beforeAll(async () => {
    app = await startTestApp(
      loadConfig({
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.PARLEY_TEST_LOG_LEVEL ?? 'silent',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves a teen to FULL on approval and back on revoke', async () => {
    const teen = await startTeen(app);
    expect(await probe(teen.auth)).toBe(403);
    const parent = await makeParent(app, await startFullGuest(app));
    const token = await requestParentalConsent(app, teen);
    await http()
      .post(`/v1/consent/parental-requests/${token}/approve`)
      .set(parent.auth)
      .expect(200);
    expect(await probe(teen.auth)).toBe(200);
    await http().delete(`/v1/consent/children/${teen.id}`).set(parent.auth).expect(204);
    expect(await probe(teen.auth)).toBe(403);
  });

  it('grants consent through a family, holds the usage limit and rejects cycles', async () => {
    const parent = await makeParent(app, await startFullGuest(app));
    const family = await createCollective(app, parent);
    await http()
      .put(`/v1/collectives/${family}/parental-consent`)
      .set(parent.auth)
      .send({})
      .expect(200);
    const teen = await startTeen(app);
    const invitation = await createInvitation(app, parent, family, { usage_limit: 1 });
    const rivals = [];
    for (let i = 0; i < 3; i++) rivals.push(await startFullGuest(app));
    // Accepts go one after another here: concurrency is proven against the real server (R4).
    const results = [];
    for (const u of [teen, ...rivals]) {
      results.push(await http().post(`/v1/invitations/${invitation.token}/accept`).set(u.auth));
    }
    expect(results.map((r) => r.status)).toEqual([200, 409, 409, 409]);
    expect(results.slice(1).map((r) => r.body.code)).toEqual(Array(3).fill('invitation-used-up'));
    expect(await probe(teen.auth)).toBe(200);
    const winner = [teen, ...rivals][results.findIndex((r) => r.status === 200)]!;
    const members = await http()
      .get(`/v1/collectives/${family}/members`)
      .set(parent.auth)
      .expect(200);
    expect(members.body.data.map((m: { user_id: string }) => m.user_id)).toEqual([
      parent.id,
      winner.id,
    ]);

    const school = await createCollective(app, parent, { type: 'school' });
    const klass = (
      await http()
        .post('/v1/collectives')
        .set(parent.auth)
        .send({ name: 'A', type: 'class', parent_id: school })
        .expect(201)
    ).body.id as string;
    const cycle = await http()
      .patch(`/v1/collectives/${school}`)
      .set(parent.auth)
      .send({ parent_id: klass });
    expect(cycle.body.code).toBe('collective-cycle');
  });
});
