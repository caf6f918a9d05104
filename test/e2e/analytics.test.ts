import { describeAnalytics } from '../support/analytics-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeAnalytics('PostgreSQL and Redis', async () =>
  testConfig('server', { DATA_DIR: tempDir('parley-analytics-') }),
);
