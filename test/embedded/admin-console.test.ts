import { describeAdminRoutes } from '../support/admin-routes-suite.js';
import { tempDir, testConfig } from '../support/app.js';

describeAdminRoutes('embedded: PGlite and the durable local queue', () =>
  testConfig('embedded', { DATA_DIR: tempDir('parley-embedded-admin-') }),
);
