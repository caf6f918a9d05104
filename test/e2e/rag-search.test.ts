import { testConfig } from '../support/app.js';
import { serverVectorMode } from '../support/rag.js';
import { ragSearchSuite } from '../support/rag-search-suite.js';

ragSearchSuite(
  'server, pgvector where installed',
  () => testConfig('server', { RUN_PROCESSORS: 'true' }),
  serverVectorMode,
);

ragSearchSuite(
  'server, forced exact scan',
  () => testConfig('server', { RUN_PROCESSORS: 'true', RAG_VECTOR_MODE: 'exact' }),
  async () => 'exact-scan',
);
