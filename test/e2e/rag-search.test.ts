import pg from 'pg';
import { testConfig } from '../support/app.js';
import { ragSearchSuite } from '../support/rag-search-suite.js';

async function serverHasPgvector(): Promise<'pgvector' | 'exact-scan'> {
  const client = new pg.Client({ connectionString: process.env.PARLEY_TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS available`,
    );
    return rows[0].available ? 'pgvector' : 'exact-scan';
  } finally {
    await client.end();
  }
}

ragSearchSuite(
  'server, pgvector where installed',
  () => testConfig('server', { RUN_PROCESSORS: 'true' }),
  serverHasPgvector,
);

ragSearchSuite(
  'server, forced exact scan',
  () => testConfig('server', { RUN_PROCESSORS: 'true', RAG_VECTOR_MODE: 'exact' }),
  async () => 'exact-scan',
);
