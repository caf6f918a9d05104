import { testConfig } from '../support/app.js';
import { describeDataExport } from '../support/data-export-suite.js';
import { describeRetention, RETENTION_TEST_ENV } from '../support/retention-suite.js';

describeDataExport('embedded', () => testConfig('embedded'));
describeRetention('embedded', () => testConfig('embedded', RETENTION_TEST_ENV));
