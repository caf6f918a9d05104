import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '../../src/platform/config/config.js';
import { startTestApp, tempDir } from '../support/app.js';

/**
 * The embedded engine has one backend shared by every pooled connection. Many
 * requests at once must each see committed data and their own statements.
 */
describe('embedded mode under concurrent requests', () => {
  const dataDir = tempDir('parley-embedded-concurrency-');
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startTestApp(
      loadConfig({
        DATA_DIR: dataDir,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_AUTH_PER_MINUTE: '0',
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves 60 sign-ups, reads and writes in parallel without a wrong answer', async () => {
    const http = () => request(app.getHttpServer());
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const guest = await http().post('/v1/auth/guest').expect(201);
        const auth = { Authorization: `Bearer ${guest.body.access_token}` };
        const me = await http().get('/v1/me').set(auth);
        const patched = await http()
          .patch('/v1/me')
          .set(auth)
          .send({ name: `guest ${i}`, language: 'en', user_type: 'adult' });
        return [me.status, patched.status, patched.body.name];
      }),
    );
    expect(outcomes).toEqual(outcomes.map((_, i) => [200, 200, `guest ${i}`]));
  });
});
