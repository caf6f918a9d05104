import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createFlag, registerAdmin, uniqueFlagName } from '../factories/feature-flags.js';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig } from '../support/app.js';
import { openSse } from '../support/sse.js';
import { waitUntil } from '../support/wait.js';

/** The embedded default: flags in PGlite, change notices in-process. */
describe('feature flags, embedded', () => {
  const dataDir = tempDir('parley-embedded-flags-');
  let app: NestExpressApplication;
  let baseUrl: string;
  let admin: TestUser;
  let user: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('embedded', { DATA_DIR: dataDir }));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    [admin, user] = [await registerAdmin(app), await registerFullUser(app)];
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, evaluates, streams a toggle, audits and deletes', async () => {
    const name = uniqueFlagName('embedded');
    await createFlag(app, admin, {
      name,
      is_enabled: true,
      visibility: 'frontend',
      targeting_rules: { rules: [{ attribute: 'user_type', operator: 'in', values: ['adult'] }] },
    });
    expect((await http().get('/v1/feature-flags').expect(200)).body[name]).toBe(false);
    expect((await http().get('/v1/feature-flags').set(user.auth).expect(200)).body[name]).toBe(
      true,
    );
    expect(
      (await http().get(`/v1/feature-flags/${name}/evaluation`).set(user.auth).expect(200)).body,
    ).toMatchObject({ value: true, reason: 'TARGETING_MATCH', flag_version: 1 });

    const stream = await openSse(baseUrl, '/v1/feature-flags/stream', user.auth);
    try {
      expect(JSON.parse((await stream.waitFor(1))[0]!.data)[name]).toBe(true);
      await http()
        .patch(`/v1/admin/feature-flags/${name}`)
        .set(admin.auth)
        .send({ is_enabled: false })
        .expect(200);
      expect(JSON.parse((await stream.waitFor(2, 1000))[1]!.data)[name]).toBe(false);
    } finally {
      stream.close();
    }
    await http().delete(`/v1/admin/feature-flags/${name}`).set(admin.auth).expect(204);
    await waitUntil(async () => !(name in (await http().get('/v1/feature-flags')).body), {
      what: 'the flag gone',
      timeoutMs: 1000,
    });
    const log = await http().get('/v1/admin/audit-log?limit=3').set(admin.auth).expect(200);
    expect(log.body.data.map((e: { action: string }) => e.action)).toEqual([
      'feature-flag.delete',
      'feature-flag.update',
      'feature-flag.create',
    ]);
  });

  it('keeps guest sign-up open while its flag does not exist, and closes it with the flag', async () => {
    await http().post('/v1/auth/guest').expect(201);
    await createFlag(app, admin, { name: 'guest-sign-up', is_enabled: false });
    expect((await http().post('/v1/auth/guest')).status).toBe(403);
    await http().delete('/v1/admin/feature-flags/guest-sign-up').set(admin.auth).expect(204);
    await http().post('/v1/auth/guest').expect(201);
  });
});
