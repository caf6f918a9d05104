import { describeAccountEraseEdges } from '../support/account-erase-edges-suite.js';
import { describeAccountErase } from '../support/account-erase-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeAccountErase('embedded: PGlite', async () =>
  testConfig('embedded', { DATA_DIR: tempDir('parley-embedded-erase-') }),
);

describeAccountEraseEdges('embedded: PGlite', async () =>
  testConfig('embedded', { DATA_DIR: tempDir('parley-embedded-erase-edges-') }),
);
