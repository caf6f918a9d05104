import type { INestApplicationContext } from '@nestjs/common';
import { QUEUE_DRIVER, type QueueDriver } from '../../src/platform/queue/queue.driver.js';
import { QueueService } from '../../src/platform/queue/queue.service.js';
import type {
  JobName,
  JobSnapshot,
  JobStatus,
  QueueDepths,
  QueueName,
} from '../../src/platform/queue/queue.types.js';

const POLL_MS = 20;

function isIdle(depths: QueueDepths): boolean {
  return Object.values(depths).every((d) => d.waiting + d.active + d.delayed === 0);
}

/**
 * Runs the queues dry: makes delayed jobs and retries due at once, and waits
 * until no queue has a job waiting, running or delayed. Failed jobs stay, for
 * the test to inspect. Needs a process that runs processors (this app, or a
 * worker on the same queues).
 */
export async function drainQueues(
  app: INestApplicationContext,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<void> {
  const queue = app.get(QueueService);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await queue.promoteDelayed();
    const depths = await queue.depths();
    if (isIdle(depths)) return;
    if (Date.now() > deadline) {
      throw new Error(`queues not drained within ${timeoutMs} ms: ${JSON.stringify(depths)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Waits, without hurrying retries along, until a job reaches one of `statuses`. */
export async function waitForJob(
  app: INestApplicationContext,
  nameOrQueue: JobName | QueueName,
  jobId: string,
  {
    statuses = ['completed', 'failed'],
    timeoutMs = 10_000,
  }: { statuses?: JobStatus[]; timeoutMs?: number } = {},
): Promise<JobSnapshot> {
  const queue = app.get(QueueService);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(nameOrQueue, jobId);
    if (job && statuses.includes(job.status)) return job;
    if (Date.now() > deadline) {
      throw new Error(
        `job ${jobId} not ${statuses.join('/')} within ${timeoutMs} ms: ${JSON.stringify(job)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Counts the jobs enqueued in this process (every enqueue, schedules and
 * handlers' included, goes through the one driver). After a drain left every
 * queue idle, only a new enqueue can give a queue work again (retries and
 * delays belong to jobs enqueued since), so with none a drain would find
 * nothing to wait for.
 */
export function watchEnqueues(app: INestApplicationContext): {
  /** Whether a job was enqueued since the last call; resets the count. */
  take(): boolean;
  stop(): void;
} {
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  const enqueue = driver.enqueue.bind(driver);
  let enqueued = 0;
  driver.enqueue = (...args) => {
    enqueued++;
    return enqueue(...args);
  };
  return {
    take: () => {
      const any = enqueued > 0;
      enqueued = 0;
      return any;
    },
    stop: () => {
      driver.enqueue = Object.getPrototypeOf(driver).enqueue;
    },
  };
}
