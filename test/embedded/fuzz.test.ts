import fs from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { startTestApp, tempDir, testConfig } from '../support/app.js';
import { describeOpenApiFuzz } from '../support/fuzz-suite.js';

const dataDir = tempDir('parley-embedded-fuzz-');
let app: INestApplication | undefined;

describeOpenApiFuzz('embedded PGlite', {
  randomRuns: 150,
  start: async () => {
    app = await startTestApp(testConfig('embedded', { DATA_DIR: dataDir }));
    return app;
  },
  stop: async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});
