import { Redis } from 'ioredis';
import { RedisChunkStore } from '../../../src/modules/streams/redis-chunk-store.js';
import { formatBatch } from '../../../src/modules/streams/sse-events.js';
import { RedisConnections } from '../../../src/platform/redis/redis.factory.js';
import { testRedisPrefix } from '../../support/app.js';

const url = () => process.env.PARLEY_TEST_REDIS_URL!;

describe('RedisChunkStore backlog batches on Redis', () => {
  let prefix: string;
  let store: RedisChunkStore;
  let raw: Redis;

  beforeEach(() => {
    prefix = testRedisPrefix('chunks');
    store = new RedisChunkStore(new RedisConnections({ url: url(), keyPrefix: prefix }), 1);
    raw = new Redis(url());
  });

  afterEach(async () => {
    await store.close();
    raw.disconnect();
  });

  /** Every batch of `limit` from `after` on, as `range` would write them out: the two must agree. */
  async function expectBatchesMatchRange(id: string, limit: number): Promise<void> {
    for (let after = 0; ; after += limit) {
      const batch = await store.events(id, after, limit);
      const entries = await store.range(id, after, limit);
      expect(batch).toEqual(formatBatch(entries, after));
      if (batch.count < limit) return;
    }
  }

  it('cuts batches out of the text log at entry boundaries, the end marker last', async () => {
    const id = 'log';
    await store.open(id);
    const chunks = ['one', '', 'two\r\nlines', 'é ✓ 𝄞', '\n\ndata: forged', 'last'];
    for (const chunk of chunks) await store.append(id, chunk);
    expect(await store.events(id, 0, 100)).toMatchObject({ count: 6, last: 6, done: false });
    await store.complete(id);

    for (const limit of [1, 2, 4, 7, 100]) await expectBatchesMatchRange(id, limit);
    expect(await store.events(id, 5, 100)).toMatchObject({ count: 2, last: 7, done: true });
    expect(await store.events(id, 2, 3)).toMatchObject({ count: 3, last: 5, done: false });
    // Past the end, and far past it (a Last-Event-ID of 15 digits): nothing.
    expect(await store.events(id, 7, 10)).toEqual({ text: '', count: 0, last: 7, done: false });
    expect(await store.events(id, 999_999_999_999_999, 10)).toMatchObject({ count: 0 });
  });

  it('writes out streams from before the text log entry by entry, and mixed ones in order', async () => {
    const id = 'mixed';
    const key = `${prefix}stream:{${id}}`;
    // As older releases wrote them: raw text (`d`), then JSON (`j`), neither with an offset.
    // (No `/`: the script's cjson escapes it, which JSON.parse reads back alike but formatEntry does not write.)
    await raw.xadd(key, '0-1', 'd', 'raw "text"');
    await raw.xadd(key, '0-2', 'j', JSON.stringify('json'));
    await raw.hset(`${key}:meta`, 'seq', 2);
    await store.append(id, 'new one');
    await store.append(id, 'new two');
    await store.complete(id);

    for (const limit of [1, 2, 3, 10]) await expectBatchesMatchRange(id, limit);
    const all = await store.events(id, 0, 10);
    expect(all).toMatchObject({ count: 5, last: 5, done: true });
    expect(all.text).toContain(`id: 1\ndata: ${JSON.stringify('raw "text"')}\n\n`);
  });

  it('erases the text log with the stream', async () => {
    await store.open('gone');
    await store.append('gone', 'x');
    expect(await store.held(['gone'])).toBe(3);
    expect(await store.remove(['gone'])).toBe(3);
    expect(await store.held(['gone'])).toBe(0);
    expect(await store.events('gone', 0, 10)).toMatchObject({ count: 0, text: '' });
  });
});
