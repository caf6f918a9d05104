import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { registerFullUser, type TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig, testRedisPrefix } from '../support/app.js';

/** GET /v1/me is served from the cache; a change on one instance must show on every other. */
describe('the cached profile across two instances', () => {
  let a: NestExpressApplication;
  let b: NestExpressApplication;
  let user: TestUser;

  beforeAll(async () => {
    // One deployment: the same Redis and the same signing keys (kept under the shared DATA_DIR).
    const env = { REDIS_KEY_PREFIX: testRedisPrefix('profile'), DATA_DIR: tempDir() };
    a = await startTestApp(testConfig('server', env));
    b = await startTestApp(testConfig('server', env));
    user = await registerFullUser(a);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  async function eventuallyName(app: NestExpressApplication, name: string): Promise<void> {
    const deadline = Date.now() + 1000;
    let seen = '';
    while (Date.now() < deadline) {
      seen = (await request(app.getHttpServer()).get('/v1/me').set(user.auth).expect(200)).body
        .name;
      if (seen === name) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`expected name "${name}" within a second, still "${seen}"`);
  }

  it('shows a profile change made on one instance on the other within a second', async () => {
    // Both instances hold the profile in memory now.
    await eventuallyName(a, 'Ada Tester');
    await eventuallyName(b, 'Ada Tester');
    await request(a.getHttpServer())
      .patch('/v1/me')
      .set(user.auth)
      .send({ name: 'Ada Renamed' })
      .expect(200);
    await eventuallyName(b, 'Ada Renamed');
    await eventuallyName(a, 'Ada Renamed');
  });

  it('refuses a token on every instance within a second of logging out on one', async () => {
    const other = await registerFullUser(a);
    await request(b.getHttpServer()).get('/v1/me').set(other.auth).expect(200);
    await request(a.getHttpServer()).post('/v1/auth/logout').set(other.auth).expect(204);
    const deadline = Date.now() + 1000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await request(b.getHttpServer()).get('/v1/me').set(other.auth)).status;
    }
    expect(status).toBe(401);
  });
});
