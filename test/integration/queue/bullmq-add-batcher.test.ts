import { jest } from '@jest/globals';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  BullmqAddBatcher,
  type BulkEntry,
} from '../../../src/platform/queue/drivers/bullmq-add-batcher.js';
import { bullPrefix } from '../../../src/platform/queue/drivers/bullmq.driver.js';
import { testRedisPrefix } from '../../support/app.js';

const entry = (jobId: string, opts: Partial<BulkEntry['opts']> = {}): BulkEntry => ({
  name: 'batch.test',
  data: { jobId },
  opts: { jobId, removeOnComplete: false, removeOnFail: false, ...opts },
});

describe('BullmqAddBatcher on Redis', () => {
  let connection: Redis;
  let queue: Queue;

  beforeEach(() => {
    connection = new Redis(process.env.PARLEY_TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    queue = new Queue('batcher', { connection, prefix: bullPrefix(testRedisPrefix('batcher')) });
  });

  afterEach(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  });

  /** The ids of the jobs Redis holds, of those asked about. */
  async function held(ids: string[]): Promise<string[]> {
    const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    return jobs.filter((job) => job !== undefined).map((job) => job.id!);
  }

  it('sends the adds of one turn as a few addBulk calls, and every job lands', async () => {
    const addBulk = jest.spyOn(queue, 'addBulk');
    const add = jest.spyOn(queue, 'add');
    const batcher = new BullmqAddBatcher(queue);
    const ids = Array.from({ length: 1200 }, (_, i) => `job-${i}`);

    const answered = await Promise.all(ids.map((id) => batcher.add(entry(id))));

    expect(answered).toEqual(ids);
    // 1200 adds in one turn: three bulks of at most 500, no single adds.
    expect(addBulk).toHaveBeenCalledTimes(3);
    expect(add).not.toHaveBeenCalled();
    expect(await held(ids)).toEqual(ids);
    expect(await queue.getJobCountByTypes('wait')).toBe(ids.length);
  });

  it('settles each caller only once its own job is in Redis', async () => {
    const batcher = new BullmqAddBatcher(queue);
    const answers = await Promise.all(
      ['a1', 'a2', 'a3'].map(async (id) => {
        const answered = await batcher.add(entry(id));
        // Asked the moment this caller hears back: its job is there already.
        return { answered, there: (await held([id])).length === 1 };
      }),
    );
    expect(answers).toEqual([
      { answered: 'a1', there: true },
      { answered: 'a2', there: true },
      { answered: 'a3', there: true },
    ]);
  });

  it('a job Redis refuses rejects its caller alone; the others land once', async () => {
    const batcher = new BullmqAddBatcher(queue);
    const ids = Array.from({ length: 50 }, (_, i) => `ok-${i}`);
    // Not a job hash: the add script fails on this key (WRONGTYPE), inside the pipeline.
    await connection.set(queue.toKey('broken'), 'not a hash');
    const addBulk = jest.spyOn(queue, 'addBulk');

    const outcomes = await Promise.allSettled(
      [...ids.slice(0, 25), 'broken', ...ids.slice(25)].map((id) => batcher.add(entry(id))),
    );

    expect(addBulk).toHaveBeenCalledTimes(1);
    const rejected = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
    expect(rejected).toEqual([25]);
    expect(String((outcomes[25] as PromiseRejectedResult).reason)).toMatch(/WRONGTYPE/);
    expect(await held(ids)).toEqual(ids);
    expect(await connection.type(queue.toKey('broken'))).toBe('string');
    // Added again alone after the failed bulk: still one job each.
    expect(await queue.getJobCountByTypes('wait')).toBe(ids.length);
  });

  it('a job BullMQ refuses before sending rejects its caller alone', async () => {
    const batcher = new BullmqAddBatcher(queue);
    const outcomes = await Promise.allSettled([
      batcher.add(entry('small-1')),
      batcher.add({ ...entry('too-big', { sizeLimit: 10 }), data: { text: 'x'.repeat(100) } }),
      batcher.add(entry('small-2')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/exceeds the limit/);
    expect(await held(['small-1', 'too-big', 'small-2'])).toEqual(['small-1', 'small-2']);
  });

  it('every caller hears the failure when Redis cannot be reached', async () => {
    const lost = new Redis(process.env.PARLEY_TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const away = new Queue('batcher', {
      connection: lost,
      prefix: bullPrefix(testRedisPrefix('away')),
    });
    await away.waitUntilReady();
    lost.disconnect();
    const batcher = new BullmqAddBatcher(away);
    const outcomes = await Promise.allSettled(
      ['x1', 'x2', 'x3'].map((id) => batcher.add(entry(id))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await away.close();
  });
});
