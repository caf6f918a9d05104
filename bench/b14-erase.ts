import pg from 'pg';
import { AccountErasureService } from '../src/modules/erasure/account-erasure.service.js';
import { uuidv7 } from '../src/platform/database/uuid.js';
import type { Row } from './conversations.js';
import { median } from './harness.js';
import { freshDatabase, inProcess } from './in-process.js';

/** Messages of the erased users; 100,000 by default at the top (slow on a busy machine). */
const SIZES = (process.env.BENCH_ERASE_SIZES ?? '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const MESSAGES_PER_CONVERSATION = 100;

/** A user holding `messages` messages in conversations of 100, written in bulk. */
export async function seedUser(url: string, messages: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const userId = uuidv7();
  try {
    await client.query(`INSERT INTO app.users (id, account_type) VALUES ($1, 'guest')`, [userId]);
    await client.query(
      `WITH c AS (
         INSERT INTO app.conversations (id, user_id, title)
         SELECT gen_random_uuid(), $1, 'bench ' || g FROM generate_series(1, $2::int) g
         RETURNING id
       ), ids AS (SELECT array_agg(id) AS all_ids FROM c)
       INSERT INTO app.messages (id, conversation_id, message_id, role, content, content_hash)
       SELECT gen_random_uuid(), ids.all_ids[1 + (g - 1) / $3::int], 'm' || g,
              CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
              'message number ' || g || ' with a little text in it', 'h'
         FROM ids, generate_series(1, $4::int) g`,
      [
        userId,
        Math.ceil(messages / MESSAGES_PER_CONVERSATION),
        MESSAGES_PER_CONVERSATION,
        messages,
      ],
    );
    await client.query('ANALYZE app.messages');
  } finally {
    await client.end();
  }
  return userId;
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * B14-erase, erase growth: erasing users holding 1k, 10k and 100k messages (sizes from
 * BENCH_ERASE_SIZES); the time per message at the largest size against the
 * smallest. Linear growth keeps it at or under 1 (the fixed part of an erase,
 * its verification pass among it, weighs less as the account grows).
 */
export async function eraseGrowth(rounds: number): Promise<Row[]> {
  const db = await freshDatabase();
  const { app } = await inProcess(db.url);
  try {
    const erasure = app.get(AccountErasureService);
    const perMessage = new Map<number, number>();
    for (const size of SIZES) {
      const times: number[] = [];
      for (let i = 0; i < Math.max(rounds, 1); i++) {
        const userId = await seedUser(db.url, size);
        times.push(await timed(() => erasure.erase(userId)));
      }
      perMessage.set(size, median(times) / size);
    }
    const smallest = Math.min(...SIZES);
    const largest = Math.max(...SIZES);
    const ratio = perMessage.get(largest)! / perMessage.get(smallest)!;
    const us = (size: number) => `${(perMessage.get(size)! * 1000).toFixed(1)} µs/msg`;
    return [
      {
        id: 'B14-erase-growth',
        workload: `erase time per message, ${largest.toLocaleString('en')} messages / ${smallest.toLocaleString('en')} (all: ${SIZES.map((s) => `${s}: ${us(s)}`).join(', ')})`,
        ours: us(largest),
        peer: us(smallest),
        ratio,
        target: '<= 1.50',
        pass: ratio <= 1.5,
      },
    ];
  } finally {
    await app.close();
    await db.drop();
  }
}
