import { testConfig } from '../support/app.js';
import { serverVectorMode } from '../support/rag.js';
import { ragModelChangeSuite } from '../support/rag-model-change-suite.js';

ragModelChangeSuite(
  'server, pgvector where installed',
  () => testConfig('server', { RUN_PROCESSORS: 'true' }),
  serverVectorMode,
);

ragModelChangeSuite(
  'server, forced exact scan',
  () => testConfig('server', { RUN_PROCESSORS: 'true', RAG_VECTOR_MODE: 'exact' }),
  async () => 'exact-scan',
);
