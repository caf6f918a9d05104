import type { DispatchedJob } from './job-handler.registry.js';
import type { ResolvedJobOptions } from './job-options.js';
import type { FailedJob, JobSnapshot, QueueDepths, QueueName } from './queue.types.js';

export type JobProgress = 'finished' | 'unfinished' | 'gone';

/** A job's progress from its snapshot (drivers without a cheaper way). */
export function progressOf(job: JobSnapshot | undefined): JobProgress {
  if (!job) return 'gone';
  return job.status === 'completed' || job.status === 'failed' ? 'finished' : 'unfinished';
}

export const QUEUE_DRIVER = Symbol('QUEUE_DRIVER');
export const QUEUE_MODULE_OPTIONS = Symbol('QUEUE_MODULE_OPTIONS');

export interface QueueModuleOptions {
  /** Whether this process runs job handlers (the worker always; the API in embedded mode). */
  runProcessors: boolean;
  /** Jobs one process runs at once, per queue. */
  concurrency?: number;
  attempts?: number;
  backoffMs?: number;
  /** Local driver: how often to look for jobs enqueued by other processes or now due. */
  pollIntervalMs?: number;
  /** How long a claimed job stays with its runner without a heartbeat (both drivers). */
  leaseMs?: number;
}

export type ResolvedQueueModuleOptions = Required<QueueModuleOptions>;

export const QUEUE_MODULE_DEFAULTS: Omit<ResolvedQueueModuleOptions, 'runProcessors'> = {
  concurrency: 4,
  attempts: 5,
  backoffMs: 1000,
  pollIntervalMs: 1000,
  leaseMs: 30_000,
};

export type JobDispatch = (job: DispatchedJob) => Promise<unknown>;

/** What each driver (BullMQ on Redis, or the PostgreSQL table) provides the port. */
export interface QueueDriver {
  /** Returns the job id; a no-op when a job with that id already exists in the queue. */
  enqueue(
    queue: QueueName,
    name: string,
    data: unknown,
    options: ResolvedJobOptions,
  ): Promise<string>;
  getJob(queue: QueueName, jobId: string): Promise<JobSnapshot | undefined>;
  /** Per id, in order: whether the job finished (completed, or failed for good), is still to run, or is gone. */
  progress(queue: QueueName, jobIds: string[]): Promise<JobProgress[]>;
  depths(): Promise<QueueDepths>;
  /**
   * Erasure: removes the jobs of this name whose payload's `field` is `value`,
   * whatever their state except running (a running job's handler checks
   * again before it stores anything). The ids of those that went.
   */
  removeWhere(queue: QueueName, name: string, field: string, value: string): Promise<string[]>;
  /** How many such jobs the queue still holds, running ones included. */
  countWhere(queue: QueueName, name: string, field: string, value: string): Promise<number>;
  /** Removes (or, dry, counts) failed jobs that finished more than `olderThanMs` ago. */
  pruneFailed(olderThanMs: number, dryRun: boolean): Promise<number>;
  /** The queue's failed jobs, the latest to fail first, at most `limit`. */
  failedJobs(queue: QueueName, limit: number): Promise<FailedJob[]>;
  /** Makes delayed jobs (and retries waiting out their backoff) due now. */
  promoteDelayed(): Promise<void>;
  /** Called once, only in processes that run processors. */
  startProcessing(queues: QueueName[], dispatch: JobDispatch): Promise<void>;
  /**
   * Stops taking jobs and waits up to `timeoutMs` for running ones; jobs still
   * running then go back to their queue for another runner.
   */
  close(timeoutMs: number): Promise<void>;
}

/** Whether `work` settles within `ms`; the timer never outlives the answer. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
