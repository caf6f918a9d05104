import pg from 'pg';
import { Redis } from 'ioredis';

export default async function globalTeardown() {
  const state = globalThis.__parleyTest;
  if (!state) return;
  const admin = new pg.Client({ connectionString: state.postgres.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${state.database}" WITH (FORCE)`);
  await admin.end();

  // Every test key lives under a prefix containing the run id.
  const redis = new Redis(state.redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `*t${process.env.PARLEY_TEST_RUN_ID}*`,
      'COUNT',
      1000,
    );
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();

  await state.redis.stop();
  await state.postgres.stop();
}
