import { testConfig } from '../support/app.js';
import { ragCacheSuite } from '../support/rag-cache-suite.js';

// The in-memory cache and the in-process queue over PGlite.
ragCacheSuite('embedded PGlite', () => testConfig('embedded'));
