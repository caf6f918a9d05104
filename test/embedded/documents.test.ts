import { describeCharts } from '../support/charts-suite.js';
import { DOCUMENT_TEST_ENV, describeDocuments } from '../support/documents-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeDocuments('embedded: PGlite and the filesystem blob store', async () =>
  testConfig('embedded', { ...DOCUMENT_TEST_ENV, DATA_DIR: tempDir('parley-embedded-documents-') }),
);

describeCharts('embedded: PGlite', async () =>
  testConfig('embedded', { ...DOCUMENT_TEST_ENV, DATA_DIR: tempDir('parley-embedded-charts-') }),
);
