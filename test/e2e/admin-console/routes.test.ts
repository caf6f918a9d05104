import { describeAdminRoutes } from '../../support/admin-routes-suite.js';
import { tempDir, testConfig, testRedisPrefix } from '../../support/app.js';

// Processors run in this process, on a key prefix of its own, so its failed job is its own.
describeAdminRoutes('PostgreSQL and Redis (BullMQ)', () =>
  testConfig('server', {
    DATA_DIR: tempDir('parley-admin-routes-'),
    RUN_PROCESSORS: 'true',
    REDIS_KEY_PREFIX: testRedisPrefix('admin-routes'),
  }),
);
