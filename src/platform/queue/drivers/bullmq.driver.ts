import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job, type JobState } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.tokens.js';
import { retryDelayMs, type ResolvedJobOptions } from '../job-options.js';
import {
  QUEUE_MODULE_OPTIONS,
  settlesWithin,
  type JobDispatch,
  type QueueDriver,
  type ResolvedQueueModuleOptions,
} from '../queue.driver.js';
import { PermanentJobError } from '../permanent-job-error.js';
import {
  QUEUE_NAMES,
  type JobSnapshot,
  type JobStatus,
  type QueueDepths,
  type QueueName,
} from '../queue.types.js';

/** Our own backoff curve, so BullMQ and the local driver retry on the same schedule. */
const BACKOFF_TYPE = 'parley-exponential';
const KEEP_COMPLETED = { age: 24 * 60 * 60, count: 10_000 };

/** `parley:` or `parley:t1:` -> `parley:bull`: every queue key sits under the app's prefix. */
export function bullPrefix(keyPrefix: string): string {
  return `${keyPrefix.replace(/:+$/, '')}:bull`;
}

/**
 * The server driver: one BullMQ queue per queue name on Redis, and in processes
 * that run processors one worker per queue that has handlers here.
 */
@Injectable()
export class BullmqQueueDriver implements QueueDriver {
  private readonly logger = new Logger('Queue');
  private readonly url: string;
  private readonly prefix: string;
  private readonly connection: Redis;
  private readonly queues: Map<QueueName, Queue>;
  private readonly workers: { worker: Worker; connection: Redis }[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: ResolvedQueueModuleOptions,
  ) {
    this.url = config.redis.url!;
    this.prefix = bullPrefix(config.redis.keyPrefix);
    // Producers fail an enqueue after a few retries rather than hang a request.
    this.connection = new Redis(this.url, { maxRetriesPerRequest: 3 });
    this.connection.on('error', (err) => this.logError('redis', err));
    this.queues = new Map(
      QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
        queue.on('error', (err) => this.logError(`queue ${name}`, err));
        return [name, queue];
      }),
    );
  }

  async enqueue(
    queue: QueueName,
    name: string,
    data: unknown,
    options: ResolvedJobOptions,
  ): Promise<string> {
    const job = await this.queue(queue).add(name, data, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: options.attempts,
      backoff: { type: BACKOFF_TYPE, delay: options.backoffMs },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: false,
    });
    return job.id ?? options.jobId;
  }

  async getJob(queue: QueueName, jobId: string): Promise<JobSnapshot | undefined> {
    const job = (await this.queue(queue).getJob(jobId)) as Job | undefined;
    if (!job) return undefined;
    const state = await job.getState();
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

  async promoteDelayed(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.promoteJobs()));
  }

  async startProcessing(queues: QueueName[], dispatch: JobDispatch): Promise<void> {
    for (const name of queues) {
      // Workers block on Redis: their connection must retry forever (BullMQ's rule).
      const connection = new Redis(this.url, { maxRetriesPerRequest: null });
      connection.on('error', (err) => this.logError(`worker ${name} redis`, err));
      const worker = new Worker(
        name,
        (job: Job) =>
          dispatch({
            id: job.id!,
            name: job.name,
            data: job.data,
            attempt: job.attemptsStarted ?? job.attemptsMade + 1,
          }).catch((err: unknown) => {
            // BullMQ's own way of saying "do not retry".
            throw err instanceof PermanentJobError ? new UnrecoverableError(err.message) : err;
          }),
        {
          connection,
          prefix: this.prefix,
          concurrency: this.options.concurrency,
          // One lease rule for both drivers: a job whose runner stops renewing
          // its lock goes back to the queue after about this long.
          lockDuration: this.options.leaseMs,
          stalledInterval: this.options.leaseMs,
          settings: {
            backoffStrategy: (failedRuns, _type, _err, job) =>
              retryDelayMs(backoffBase(job?.opts.backoff, this.options.backoffMs), failedRuns),
          },
        },
      );
      worker.on('error', (err) => this.logError(`worker ${name}`, err));
      worker.on('failed', (job, err) => {
        if (
          job &&
          (job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError)
        ) {
          this.logger.warn(`job ${job.name} ${job.id} failed for good: ${err.message}`);
        }
      });
      this.workers.push({ worker, connection });
      await worker.waitUntilReady();
    }
  }

  async close(timeoutMs: number): Promise<void> {
    await Promise.all(
      this.workers.map(async ({ worker, connection }) => {
        if (!(await settlesWithin(worker.close(), timeoutMs))) {
          // Dropping the connection leaves the job's lock to expire; BullMQ's
          // stalled-job check then moves it back to wait for another worker.
          this.logger.warn(
            `worker ${worker.name} still busy at shutdown; its jobs will be retried`,
          );
        }
        connection.disconnect();
      }),
    );
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private queue(name: QueueName): Queue {
    return this.queues.get(name)!;
  }

  private logError(what: string, err: Error): void {
    this.logger.error(`${what}: ${err.message}`);
  }
}

function backoffBase(backoff: number | { delay?: number } | undefined, fallback: number): number {
  if (typeof backoff === 'number') return backoff;
  return backoff?.delay ?? fallback;
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
