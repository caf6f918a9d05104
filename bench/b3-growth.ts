import pg from 'pg';
import { uuidv7 } from '../src/platform/database/uuid.js';
import type { Row } from './conversations.js';
import { compare } from './harness.js';
import { freshDatabase, inProcess, p50 } from './in-process.js';

const GROWTH_ROWS = Number(process.env.BENCH_GROWTH_ROWS ?? 1_000_000);

interface Sized {
  page(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A database whose messages table holds `total` rows: one 500-turn thread and
 * other conversations' messages around it, with Parley running on it in-process.
 */
async function sized(total: number): Promise<Sized> {
  const db = await freshDatabase();
  const { app, history } = await inProcess(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const [userId, conversationId] = [uuidv7(), uuidv7()];
  try {
    await client.query(`INSERT INTO app.users (id, account_type) VALUES ($1, 'guest')`, [userId]);
    await client.query(`INSERT INTO app.conversations (id, user_id, title) VALUES ($1, $2, 'B3')`, [
      conversationId,
      userId,
    ]);
    await client.query(
      `INSERT INTO app.messages (id, conversation_id, message_id, role, content, content_hash)
       SELECT ($2::uuid[])[g], $1, 'm' || g, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
         'turn ' || g, 'h'
       FROM generate_series(1, 1000) g`,
      [conversationId, Array.from({ length: 1000 }, () => uuidv7())],
    );
    // Other users' conversations fill the rest of the table, 50 messages each on average.
    await client.query(
      `WITH others AS (
         INSERT INTO app.users (id, account_type) SELECT gen_random_uuid(), 'guest'
         FROM generate_series(1, 100) RETURNING id
       ), conversations AS (
         INSERT INTO app.conversations (id, user_id)
         SELECT gen_random_uuid(), (array_agg(id))[1 + g % 100]
         FROM others, generate_series(1, greatest($1::int / 50, 1)) g GROUP BY g RETURNING id
       ), fill AS (SELECT array_agg(id) AS ids FROM conversations)
       INSERT INTO app.messages (id, conversation_id, message_id, role, content, content_hash)
       SELECT gen_random_uuid(), fill.ids[1 + g % cardinality(fill.ids)], 'g' || g, 'user',
         'filler ' || g, 'h'
       FROM fill, generate_series(1, $1::int - 1000) g`,
      [total],
    );
    await client.query('VACUUM ANALYZE');
    // Flush the fill's dirty pages now, not while page loads are being timed.
    await client.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await client.end();
  }
  return {
    page: () => history.history(userId, conversationId, { before: '', limit: 50 }),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * B3, growth: the newest page of the same thread with the table at GROWTH_ROWS
 * rows against 10,000, both databases live at once and measured alternately so
 * that a busy neighbour slows both alike.
 */
export async function b3Growth(rounds: number): Promise<Row> {
  const small = await sized(10_000);
  const large = await sized(GROWTH_ROWS);
  try {
    await p50(100, small.page);
    await p50(100, large.page);
    const r = await compare(
      Math.max(rounds, 3),
      () => p50(300, large.page),
      () => p50(300, small.page),
    );
    return {
      id: 'B3-growth',
      workload: `the same page with ${GROWTH_ROWS.toLocaleString('en')} messages in the table / with 10,000`,
      ours: `${r.ours.toFixed(3)} ms`,
      peer: `${r.peer.toFixed(3)} ms`,
      ratio: r.ours / r.peer,
      target: '<= 1.20',
      pass: r.ours / r.peer <= 1.2,
    };
  } finally {
    await large.close();
    await small.close();
  }
}
