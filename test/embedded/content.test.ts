import fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { registerAdmin } from '../factories/feature-flags.js';
import type { TestUser } from '../factories/identity.js';
import { startTestApp, tempDir, testConfig } from '../support/app.js';

/** The embedded default: overrides in PGlite, change notices in-process. */
describe('localized content, embedded', () => {
  const dataDir = tempDir('parley-embedded-content-');
  let app: NestExpressApplication;
  let admin: TestUser;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApp(testConfig('embedded', { DATA_DIR: dataDir }));
    admin = await registerAdmin(app);
  });

  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('resolves shipped content, serves an override at once, and the file again after delete', async () => {
    const read = async () =>
      (await http().get('/v1/content/context_questions?language=de-AT&variant=parent').expect(200))
        .body;
    const shipped = await read();
    expect(shipped.language).toBe('de');
    expect(shipped.data['situation.child_age']).toEqual({ question: 'Wie alt ist Ihr Kind?' });
    expect(shipped.data['situation.where'].options).toHaveLength(4);

    const question = { question: 'Wie alt ist das Kind?', options: ['unter 10', '10 bis 14'] };
    await http()
      .put('/v1/admin/content/context_questions/de/parent/situation.child_age')
      .set(admin.auth)
      .send({ value: question })
      .expect(200);
    expect((await read()).data['situation.child_age']).toEqual(question);

    await http()
      .delete('/v1/admin/content/context_questions/de/parent/situation.child_age')
      .set(admin.auth)
      .expect(204);
    expect((await read()).data).toEqual(shipped.data);
  });
});
