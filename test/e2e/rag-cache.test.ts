import { testConfig } from '../support/app.js';
import { ragCacheSuite } from '../support/rag-cache-suite.js';

// Redis holds the embedding cache; BullMQ drains rag-cache in this process.
ragCacheSuite('servers: Redis and BullMQ', () => testConfig('server', { RUN_PROCESSORS: 'true' }));
