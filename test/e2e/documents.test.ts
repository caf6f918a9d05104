import { describeCharts } from '../support/charts-suite.js';
import { DOCUMENT_TEST_ENV, describeDocuments } from '../support/documents-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeDocuments('PostgreSQL and Redis', async () =>
  testConfig('server', { ...DOCUMENT_TEST_ENV, DATA_DIR: tempDir('parley-documents-') }),
);

describeCharts('PostgreSQL and Redis', async () =>
  testConfig('server', { ...DOCUMENT_TEST_ENV, DATA_DIR: tempDir('parley-charts-') }),
);
