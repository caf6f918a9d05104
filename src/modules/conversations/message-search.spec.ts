import { Conversations1795497249148 } from '../../../migrations/1795497249148-Conversations.js';
import { MESSAGE_SEARCH_VECTOR } from './message-search.js';

describe('message search expression', () => {
  it('is the expression the migration indexed, character for character', async () => {
    const queries: string[] = [];
    const runner = { query: (sql: string) => Promise.resolve(void queries.push(sql)) };
    await new Conversations1795497249148().up(runner as never);
    const index = queries.find((q) => q.includes('"ix_messages_search"'));
    expect(index).toBe(
      `CREATE INDEX "ix_messages_search" ON "app"."messages" USING gin ((${MESSAGE_SEARCH_VECTOR}))`,
    );
  });
});
