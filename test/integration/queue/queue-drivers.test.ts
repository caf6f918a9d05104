import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { ConfigModule } from '../../../src/platform/config/config.module.js';
import { DatabaseModule } from '../../../src/platform/database/database.module.js';
import type { ReadinessProbe } from '../../../src/platform/observability/readiness.js';
import { JobHandler } from '../../../src/platform/queue/job-handler.decorator.js';
import { PermanentJobError } from '../../../src/platform/queue/permanent-job-error.js';
import { QUEUE_READINESS, QueueModule } from '../../../src/platform/queue/queue.module.js';
import { QueueService } from '../../../src/platform/queue/queue.service.js';
import type { JobContext } from '../../../src/platform/queue/queue.types.js';
import { testConfig, testRedisPrefix } from '../../support/app.js';
import { drainQueues, waitForJob } from '../../support/queues.js';

declare module '../../../src/platform/queue/queue.types.js' {
  interface JobPayloads {
    'maintenance.test-flaky': { failures: number };
    'maintenance.test-count': Record<string, never>;
    'maintenance.test-broken': Record<string, never>;
    'maintenance.test-permanent': Record<string, never>;
  }
}

const BACKOFF_MS = 100;

/** Records when each run of each job started; results come from the attempt, not from state. */
@Injectable()
class TestJobs {
  readonly starts = new Map<string, number[]>();

  @JobHandler('maintenance.test-flaky')
  flaky(payload: { failures: number }, context: JobContext): { attempt: number } {
    this.record(context);
    if (context.attempt <= payload.failures) throw new Error(`attempt ${context.attempt} fails`);
    return { attempt: context.attempt };
  }

  @JobHandler('maintenance.test-count')
  count(_payload: unknown, context: JobContext): { ran: true } {
    this.record(context);
    return { ran: true };
  }

  @JobHandler('maintenance.test-broken')
  broken(_payload: unknown, context: JobContext): never {
    this.record(context);
    throw new Error('always broken');
  }

  @JobHandler('maintenance.test-permanent')
  permanent(_payload: unknown, context: JobContext): never {
    this.record(context);
    throw new PermanentJobError('can never succeed');
  }

  runsOf(id: string): number[] {
    return this.starts.get(id) ?? [];
  }

  private record(context: JobContext): void {
    this.starts.set(context.id, [...this.runsOf(context.id), Date.now()]);
  }
}

type Driver = 'local' | 'bullmq';

async function startQueues(
  driver: Driver,
  redisPrefix = testRedisPrefix('queue'),
): Promise<TestingModule> {
  const config = testConfig(
    'server',
    // The local driver keeps its jobs in the run's database; BullMQ gets a key prefix of its own.
    driver === 'local' ? { REDIS_URL: '' } : { REDIS_KEY_PREFIX: redisPrefix },
  );
  expect(config.queue.driver).toBe(driver);
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(config),
      QueueModule.forRoot(config, { runProcessors: true, pollIntervalMs: 25 }),
    ],
    providers: [TestJobs],
  }).compile();
  if (!process.env.PARLEY_TEST_LOG_LEVEL) moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}

const unique = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

describe.each<Driver>(['local', 'bullmq'])('the queue port on the %s driver', (driver) => {
  let app: TestingModule;
  let queue: QueueService;
  let jobs: TestJobs;

  beforeAll(async () => {
    app = await startQueues(driver);
    queue = app.get(QueueService);
    jobs = app.get(TestJobs);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    const id = unique('flaky');
    await queue.enqueue(
      'maintenance.test-flaky',
      { failures: 2 },
      { jobId: id, attempts: 5, backoffMs: BACKOFF_MS },
    );
    const job = await waitForJob(app, 'maintenance.test-flaky', id);
    expect(job).toMatchObject({
      id,
      status: 'completed',
      attemptsMade: 3,
      maxAttempts: 5,
      result: { attempt: 3 },
      lastError: 'attempt 2 fails',
    });
    const [first, second, third] = jobs.runsOf(id);
    // Timers may fire a few milliseconds early against the store's clock.
    expect(second! - first!).toBeGreaterThanOrEqual(BACKOFF_MS - 10);
    expect(third! - second!).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 10);
  });

  it('runs a job enqueued twice with the same id once, and returns that id each time', async () => {
    const id = unique('once');
    const ids = await Promise.all([
      queue.enqueue('maintenance.test-count', {}, { jobId: id }),
      queue.enqueue('maintenance.test-count', {}, { jobId: id }),
    ]);
    await drainQueues(app);
    // A completed job still deduplicates: a late duplicate does not run it again.
    ids.push(await queue.enqueue('maintenance.test-count', {}, { jobId: id }));
    await drainQueues(app);
    expect(ids).toEqual([id, id, id]);
    expect(jobs.runsOf(id)).toHaveLength(1);
    expect(await queue.getJob('maintenance', id)).toMatchObject({ status: 'completed' });

    const fresh = await Promise.all([
      queue.enqueue('maintenance.test-count', {}),
      queue.enqueue('maintenance.test-count', {}),
    ]);
    expect(new Set(fresh).size).toBe(2);
    await drainQueues(app);
    for (const other of fresh) expect(jobs.runsOf(other)).toHaveLength(1);
  });

  it('keeps a job that always fails as failed, with its error, and counts it', async () => {
    const failedBefore = (await queue.depths()).maintenance.failed;
    const id = unique('broken');
    await queue.enqueue('maintenance.test-broken', {}, { jobId: id, attempts: 2, backoffMs: 10 });
    await drainQueues(app);

    expect(jobs.runsOf(id)).toHaveLength(2);
    expect(await queue.getJob('maintenance.test-broken', id)).toMatchObject({
      id,
      name: 'maintenance.test-broken',
      queue: 'maintenance',
      status: 'failed',
      attemptsMade: 2,
      maxAttempts: 2,
      lastError: 'always broken',
    });
    const depths = await queue.depths();
    expect(depths.maintenance).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: failedBefore + 1,
    });
    const probe = app.get<ReadinessProbe>(QUEUE_READINESS);
    expect(probe.critical).toBe(false);
    expect(await probe.check()).toEqual({ driver, ...depths });
  });

  it('refuses a job id BullMQ could not store, on either driver', async () => {
    await expect(queue.enqueue('maintenance.test-count', {}, { jobId: 'a:b' })).rejects.toThrow(
      /Invalid job id/,
    );
    await expect(queue.enqueue('maintenance.test-count', {}, { jobId: '42' })).rejects.toThrow(
      /Invalid job id/,
    );
  });

  it('fails a job whose handler says it can never succeed at once, without retries', async () => {
    const id = unique('permanent');
    await queue.enqueue(
      'maintenance.test-permanent',
      {},
      { jobId: id, attempts: 5, backoffMs: 10 },
    );
    const job = await waitForJob(app, 'maintenance.test-permanent', id, { statuses: ['failed'] });
    expect(job).toMatchObject({ attemptsMade: 1, maxAttempts: 5, lastError: 'can never succeed' });
    expect(jobs.runsOf(id)).toHaveLength(1);
  });

  it('lists failed jobs for operators, the latest to fail first, within the limit', async () => {
    const ids = [unique('failed-a'), unique('failed-b')];
    for (const id of ids) {
      await queue.enqueue('maintenance.test-permanent', {}, { jobId: id, attempts: 3 });
      await waitForJob(app, 'maintenance.test-permanent', id, { statuses: ['failed'] });
    }
    const [latest, previous] = await queue.failedJobs('maintenance', 2);
    expect([latest?.id, previous?.id]).toEqual([ids[1], ids[0]]);
    expect(latest).toMatchObject({
      name: 'maintenance.test-permanent',
      queue: 'maintenance',
      attemptsMade: 1,
      maxAttempts: 3,
      lastError: 'can never succeed',
    });
    expect(new Date(latest!.failedAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(previous!.failedAt!).getTime(),
    );
    expect(await queue.failedJobs('maintenance', 1)).toHaveLength(1);
    expect(await queue.failedJobs('rag-cache', 5)).toEqual([]);
  });

  it('tells finished, unfinished and gone jobs apart in one call', async () => {
    const [done, failed, retrying] = [unique('done'), unique('failed'), unique('retrying')];
    await queue.enqueue('maintenance.test-count', {}, { jobId: done });
    await queue.enqueue('maintenance.test-permanent', {}, { jobId: failed, attempts: 3 });
    // Its first attempt fails; the retry waits out a long backoff.
    await queue.enqueue(
      'maintenance.test-flaky',
      { failures: 1 },
      { jobId: retrying, attempts: 2, backoffMs: 60_000 },
    );
    await waitForJob(app, 'maintenance.test-count', done);
    await waitForJob(app, 'maintenance.test-permanent', failed, { statuses: ['failed'] });
    await waitForJob(app, 'maintenance.test-flaky', retrying, { statuses: ['delayed'] });
    expect(await queue.progress('maintenance', [done, unique('never'), failed, retrying])).toEqual([
      'finished',
      'gone',
      'finished',
      'unfinished',
    ]);
    expect(await queue.progress('maintenance', [])).toEqual([]);
  });

  // Last: its own two processes, so no schedule runs into the depth counts above.
  it('runs a scheduled job at each multiple of its interval, once across processes', async () => {
    const prefix = testRedisPrefix('schedule');
    const both = [await startQueues(driver, prefix), await startQueues(driver, prefix)];
    try {
      const id = unique('every');
      const everyMs = 400;
      for (const one of both) {
        one.get(QueueService).schedule('maintenance.test-count', {}, { id, everyMs });
      }
      const [first] = both[0]!.get(QueueService).scheduled();
      expect(first).toMatchObject({ id, name: 'maintenance.test-count', everyMs });
      expect(first!.nextRunAt % everyMs).toBe(0);
      const runs = () =>
        both.flatMap((one) =>
          [...one.get(TestJobs).starts].filter(([jobId]) => jobId.startsWith(`${id}.`)),
        );
      const deadline = Date.now() + 15_000;
      while (runs().length < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const seen = runs();
      expect(seen.length).toBeGreaterThanOrEqual(3);
      for (const [jobId, starts] of seen) {
        // Both processes enqueued every run; each ran once, in one of them.
        expect(starts).toHaveLength(1);
        expect(Number(jobId.slice(id.length + 1)) % everyMs).toBe(0);
      }
      expect(new Set(seen.map(([jobId]) => jobId)).size).toBe(seen.length);
    } finally {
      await Promise.all(both.map((one) => one.close()));
    }
  });
});
