import { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/platform/config/config.js';
import { openDataSource } from '../../../src/platform/database/data-source.js';
import { MESSAGE_SEARCH_VECTOR } from '../../../src/modules/conversations/message-search.js';

/** The search query must match the expression index, or search degrades to a scan of every message. */
describe('message search index', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openDataSource(
      loadConfig({ DATABASE_URL: process.env.PARLEY_TEST_DATABASE_URL!, NODE_ENV: 'test' }),
    );
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('is used by the search predicate', async () => {
    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(
        `EXPLAIN SELECT id FROM app.messages WHERE (${MESSAGE_SEARCH_VECTOR}) @@ websearch_to_tsquery('simple'::regconfig, 'dragon')`,
      )) as { 'QUERY PLAN': string }[];
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('ix_messages_search');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
