import { testConfig } from '../support/app.js';
import { ragModelChangeSuite } from '../support/rag-model-change-suite.js';

// PGlite ships pgvector: the switch moves rows from one HNSW index to another of the new size.
ragModelChangeSuite(
  'embedded PGlite',
  () => testConfig('embedded'),
  async () => 'pgvector',
);
