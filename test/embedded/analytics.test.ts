import { describeAnalytics } from '../support/analytics-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeAnalytics('embedded: PGlite', async () =>
  testConfig('embedded', { DATA_DIR: tempDir('parley-embedded-analytics-') }),
);
