import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type FactoryProvider } from '@nestjs/common';
import type { Job, JobState, JobType, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ResolvedJobOptions } from '../job-options.js';
import type { JobDispatch, JobProgress, QueueDriver } from '../queue.driver.js';
import {
  QUEUE_NAMES,
  type FailedJob,
  type JobSnapshot,
  type JobStatus,
  type QueueDepths,
  type QueueName,
} from '../queue.types.js';
import { BullmqAddBatcher } from './bullmq-add-batcher.js';
import { BACKOFF_TYPE, BULL_WORKERS, type BullQueueWorker } from './bullmq.worker.js';

const KEEP_COMPLETED = { age: 24 * 60 * 60, count: 10_000 };

/** The job sets an erasure removes from: every one but the running jobs. */
const REMOVABLE: JobType[] = [
  'wait',
  'prioritized',
  'waiting-children',
  'delayed',
  'failed',
  'completed',
];
const SCAN_PAGE = 500;

/** `parley:` or `parley:t1:` -> `parley:bull`: every queue key sits under the app's prefix. */
export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix.replace(/:+$/, '')}:bull`;
}

export const BULL_QUEUES = Symbol('BULL_QUEUES');

/** The queues @nestjs/bullmq registered, by name. */
export const bullQueuesProvider: FactoryProvider<Map<QueueName, Queue>> = {
  provide: BULL_QUEUES,
  inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
  useFactory: (...queues: Queue[]) => {
    const logger = new Logger('Queue');
    for (const queue of queues) {
      queue.on('error', (err) => logger.error(`queue ${queue.name}: ${err.message}`));
    }
    return new Map(QUEUE_NAMES.map((name, i) => [name, queues[i]!]));
  },
};

/**
 * The server driver: one BullMQ queue per queue name on Redis, and in processes
 * that run processors one worker per queue, started for the queues that have
 * handlers here. @nestjs/bullmq registers and finally closes both.
 */
@Injectable()
export class BullmqQueueDriver implements QueueDriver {
  /** Per queue: the adds of one event-loop turn go to Redis in one round trip. */
  private readonly batchers = new Map<QueueName, BullmqAddBatcher>();

  constructor(
    @Inject(BULL_QUEUES) private readonly queues: Map<QueueName, Queue>,
    @Inject(BULL_WORKERS) private readonly workers: BullQueueWorker[],
  ) {}

  async enqueue(
    queue: QueueName,
    name: string,
    data: unknown,
    options: ResolvedJobOptions,
  ): Promise<string> {
    let batcher = this.batchers.get(queue);
    if (!batcher) {
      batcher = new BullmqAddBatcher(this.queue(queue));
      this.batchers.set(queue, batcher);
    }
    return batcher.add({
      name,
      data,
      opts: {
        jobId: options.jobId,
        delay: options.delayMs,
        attempts: options.attempts,
        backoff: { type: BACKOFF_TYPE, delay: options.backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: false,
      },
    });
  }

  async getJob(queue: QueueName, jobId: string): Promise<JobSnapshot | undefined> {
    // The state first: the job read after it is as far along at least, so a
    // completed job always comes with its result.
    const state = await this.queue(queue).getJobState(jobId);
    const job = (await this.queue(queue).getJob(jobId)) as Job | undefined;
    if (!job) return undefined;
    return {
      id: jobId,
      name: job.name,
      queue,
      status: statusOf(state),
      data: job.data,
      attemptsMade: job.attemptsStarted ?? job.attemptsMade,
      maxAttempts: job.opts.attempts ?? 1,
      result: job.returnvalue ?? null,
      lastError: job.failedReason || null,
    };
  }

  /**
   * One pipelined HMGET per job hash: BullMQ sets `finishedOn` when a job
   * completes or fails for good (not on a failed attempt that will be retried),
   * and `timestamp` on every job, so a hash without one is gone. Cheaper than
   * getJob (a state script that scans the wait list, then the whole hash).
   */
  async progress(queue: QueueName, jobIds: string[]): Promise<JobProgress[]> {
    if (jobIds.length === 0) return [];
    const q = this.queue(queue);
    // The queues run on ioredis clients (see queue.module.ts).
    const client = (await q.backend.client) as unknown as Redis;
    const pipeline = client.pipeline();
    for (const id of jobIds) pipeline.hmget(q.toKey(id), 'finishedOn', 'timestamp');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, fields]) => {
      if (err) throw err;
      const [finishedOn, timestamp] = fields as (string | null)[];
      if (finishedOn) return 'finished';
      return timestamp ? 'unfinished' : 'gone';
    });
  }

  async depths(): Promise<QueueDepths> {
    const entries = await Promise.all(
      [...this.queues].map(async ([name, queue]) => {
        const c = await queue.getJobCounts(
          'wait',
          'prioritized',
          'waiting-children',
          'active',
          'delayed',
          'failed',
        );
        const waiting = (c.wait ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0);
        return [
          name,
          { waiting, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 },
        ] as const;
      }),
    );
    return Object.fromEntries(entries) as QueueDepths;
  }

  async removeWhere(
    queue: QueueName,
    name: string,
    field: string,
    value: string,
  ): Promise<string[]> {
    const removed: string[] = [];
    for (const job of await this.matching(queue, name, field, value, REMOVABLE)) {
      await job.remove();
      removed.push(job.id!);
    }
    return removed;
  }

  async countWhere(queue: QueueName, name: string, field: string, value: string): Promise<number> {
    return (await this.matching(queue, name, field, value, [...REMOVABLE, 'active'])).length;
  }

  /** Scans the queue's job sets page by page for jobs whose payload field has this value. */
  private async matching(
    queue: QueueName,
    name: string,
    field: string,
    value: string,
    states: JobType[],
  ): Promise<Job[]> {
    const found: Job[] = [];
    for (let start = 0; ; start += SCAN_PAGE) {
      const page = (await this.queue(queue).getJobs(states, start, start + SCAN_PAGE - 1)) as (
        Job | undefined
      )[];
      for (const job of page) {
        const data = job?.data as Record<string, unknown> | undefined;
        if (job && job.name === name && data?.[field] === value) found.push(job);
      }
      if (page.length < SCAN_PAGE) return found;
    }
  }

  /**
   * BullMQ's clean removes each job in one script, so cleans running at once
   * on several workers never remove (or count) a job twice.
   */
  async pruneFailed(olderThanMs: number, dryRun: boolean): Promise<number> {
    let total = 0;
    for (const queue of this.queues.values()) {
      total += dryRun
        ? await countFailedBefore(queue, Date.now() - olderThanMs)
        : (await queue.clean(olderThanMs, 0, 'failed')).length;
    }
    return total;
  }

  async failedJobs(queue: QueueName, limit: number): Promise<FailedJob[]> {
    // BullMQ keeps the failed set ordered by when each job failed, the latest first.
    const jobs = (await this.queue(queue).getFailed(0, limit - 1)) as (Job | undefined)[];
    return jobs
      .filter((job): job is Job => job !== undefined && job.id !== undefined)
      .map((job) => ({
        id: job.id!,
        name: job.name,
        queue,
        attemptsMade: job.attemptsStarted ?? job.attemptsMade,
        maxAttempts: job.opts.attempts ?? 1,
        lastError: job.failedReason || null,
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      }));
  }

  async promoteDelayed(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.promoteJobs()));
  }

  async startProcessing(queues: QueueName[], dispatch: JobDispatch): Promise<void> {
    for (const worker of this.workers) {
      // A queue without a handler here is left to processes that have one.
      if (queues.includes(worker.queueName)) await worker.start(dispatch);
      else await worker.worker.close();
    }
  }

  async close(timeoutMs: number): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop(timeoutMs)));
  }

  private queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }
}

async function countFailedBefore(queue: Queue, before: number): Promise<number> {
  const page = 500;
  let count = 0;
  for (let start = 0; ; start += page) {
    const jobs = await queue.getFailed(start, start + page - 1);
    count += jobs.filter((job) => (job.finishedOn ?? job.timestamp) < before).length;
    if (jobs.length < page) return count;
  }
}

function statusOf(state: JobState | 'unknown'): JobStatus {
  switch (state) {
    case 'completed':
    case 'failed':
    case 'active':
    case 'delayed':
      return state;
    default:
      return 'waiting';
  }
}
