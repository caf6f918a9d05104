import { testConfig } from '../../support/app.js';
import { describeRetention, RETENTION_TEST_ENV } from '../../support/retention-suite.js';

describeRetention('PostgreSQL and Redis', () => testConfig('server', RETENTION_TEST_ENV));
