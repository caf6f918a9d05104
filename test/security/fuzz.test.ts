import type { INestApplication } from '@nestjs/common';
import { startTestApp, testConfig } from '../support/app.js';
import { createEmptyDatabase } from '../support/databases.js';
import { describeOpenApiFuzz } from '../support/fuzz-suite.js';

let db: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
let app: INestApplication | undefined;

describeOpenApiFuzz('PostgreSQL and Redis', {
  randomRuns: 300,
  start: async () => {
    // A database of its own: the row counts around a request belong to that request alone.
    db = await createEmptyDatabase('fuzz');
    app = await startTestApp(
      testConfig('server', {
        DATABASE_URL: db.url,
        MIGRATIONS_RUN: 'true',
        RUN_PROCESSORS: 'true',
      }),
    );
    return app;
  },
  stop: async () => {
    await app?.close();
    await db?.drop();
  },
});
