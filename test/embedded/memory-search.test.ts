import { testConfig } from '../support/app.js';
import { memorySearchSuite } from '../support/memory-search-suite.js';

memorySearchSuite('embedded PGlite, jobs in process', () => testConfig('embedded'));
