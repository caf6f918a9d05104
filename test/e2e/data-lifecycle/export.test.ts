import { testConfig } from '../../support/app.js';
import { describeDataExport } from '../../support/data-export-suite.js';

describeDataExport('PostgreSQL and Redis', () => testConfig('server', { RUN_PROCESSORS: 'true' }));
