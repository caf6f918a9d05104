import { testConfig } from '../support/app.js';
import { ragSearchSuite } from '../support/rag-search-suite.js';

// PGlite ships pgvector: the embedded default searches through HNSW.
ragSearchSuite(
  'embedded PGlite',
  () => testConfig('embedded'),
  async () => 'pgvector',
);
