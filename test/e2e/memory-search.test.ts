import { testConfig } from '../support/app.js';
import { memorySearchSuite } from '../support/memory-search-suite.js';

memorySearchSuite('server, BullMQ, processors in this process', () =>
  testConfig('server', { RUN_PROCESSORS: 'true' }),
);
