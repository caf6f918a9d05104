import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { uuidv7 } from '../database/uuid.js';
import { resolveJobOptions } from './job-options.js';
import { JobSchedules, type JobSchedule } from './job-schedules.js';
import {
  QUEUE_DRIVER,
  QUEUE_MODULE_OPTIONS,
  type JobProgress,
  type QueueDriver,
  type ResolvedQueueModuleOptions,
} from './queue.driver.js';
import {
  QUEUE_NAMES,
  queueOf,
  type EnqueueOptions,
  type FailedJob,
  type JobName,
  type JobPayloads,
  type JobSnapshot,
  type QueueDepths,
  type QueueName,
} from './queue.types.js';

/**
 * The queue port: features enqueue and inspect jobs through this, never through
 * a driver, so the same code runs on Redis and in the embedded mode.
 */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly schedules = new JobSchedules();

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: ResolvedQueueModuleOptions,
  ) {}

  /**
   * Returns the job id. With `options.jobId`, enqueueing again while that job is
   * still known (waiting, running, failed, or completed recently: about a day) does
   * nothing and returns the same id: derive the id from what the job is about.
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<string> {
    const resolved = resolveJobOptions(options, this.options, uuidv7);
    return this.driver.enqueue(queueOf(name), name, payload, resolved);
  }

  /** A job by its id, looked up in the queue of the given job name (or the queue itself). */
  getJob(nameOrQueue: JobName | QueueName, jobId: string): Promise<JobSnapshot | undefined> {
    return this.driver.getJob(queueFor(nameOrQueue), jobId);
  }

  /** Per id, in order: finished (completed or failed for good), unfinished, or gone. */
  progress(nameOrQueue: JobName | QueueName, jobIds: string[]): Promise<JobProgress[]> {
    return this.driver.progress(queueFor(nameOrQueue), jobIds);
  }

  /** Erasure: removes the not-running jobs of `name` whose payload's `field` is `value`. */
  removeWhere<N extends JobName>(
    name: N,
    field: keyof JobPayloads[N] & string,
    value: string,
  ): Promise<string[]> {
    return this.driver.removeWhere(queueOf(name), name, field, value);
  }

  /** The jobs of `name` whose payload's `field` is `value`, still held (verification). */
  countWhere<N extends JobName>(
    name: N,
    field: keyof JobPayloads[N] & string,
    value: string,
  ): Promise<number> {
    return this.driver.countWhere(queueOf(name), name, field, value);
  }

  depths(): Promise<QueueDepths> {
    return this.driver.depths();
  }

  /** The latest failed jobs of a queue (at most `limit`), for operators. */
  failedJobs(queue: QueueName, limit: number): Promise<FailedJob[]> {
    return this.driver.failedJobs(queue, limit);
  }

  /**
   * Runs `name` every `everyMs` (at multiples of it since the epoch), once per
   * run across every process that declares the same `id`: each run is enqueued
   * under the job id `<id>.<run time in epoch ms>`. The first run is the next
   * multiple, not now. Declaring the id again replaces the schedule.
   */
  schedule<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { id: string; everyMs: number } & Omit<EnqueueOptions, 'jobId' | 'delayMs'>,
  ): void {
    const { id, everyMs, ...enqueue } = options;
    resolveJobOptions({ ...enqueue, jobId: `${id}.0` }, this.options, uuidv7);
    queueOf(name);
    this.schedules.add(id, name, everyMs, (runAt) =>
      this.enqueue(name, payload, { ...enqueue, jobId: `${id}.${runAt}` }),
    );
  }

  /** The schedules this process declared, with when each next enqueues a run. */
  scheduled(): JobSchedule[] {
    return this.schedules.list();
  }

  onModuleDestroy(): void {
    this.schedules.stop();
  }

  /** Removes (or, dry, counts) jobs that failed for good more than `olderThanMs` ago, in every queue. */
  pruneFailed(olderThanMs: number, { dryRun }: { dryRun: boolean }): Promise<number> {
    return this.driver.pruneFailed(olderThanMs, dryRun);
  }

  /** Makes delayed jobs and pending retries due now: for operators and test helpers. */
  promoteDelayed(): Promise<void> {
    return this.driver.promoteDelayed();
  }
}

function queueFor(nameOrQueue: string): QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(nameOrQueue)
    ? (nameOrQueue as QueueName)
    : queueOf(nameOrQueue);
}
