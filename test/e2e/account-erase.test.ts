import { describeAccountEraseEdges } from '../support/account-erase-edges-suite.js';
import { describeAccountErase } from '../support/account-erase-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeAccountErase('PostgreSQL and Redis', async () =>
  testConfig('server', { DATA_DIR: tempDir('parley-erase-') }),
);

describeAccountEraseEdges('PostgreSQL and Redis', async () =>
  testConfig('server', { DATA_DIR: tempDir('parley-erase-edges-') }),
);
