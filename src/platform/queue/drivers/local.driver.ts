import { Inject, Injectable, Logger } from '@nestjs/common';
import { uuidv7 } from '../../database/uuid.js';
import { retryDelayMs, type ResolvedJobOptions } from '../job-options.js';
import {
  QUEUE_MODULE_OPTIONS,
  progressOf,
  settlesWithin,
  type JobDispatch,
  type JobProgress,
  type QueueDriver,
  type ResolvedQueueModuleOptions,
} from '../queue.driver.js';
import { PermanentJobError } from '../permanent-job-error.js';
import type { FailedJob, JobSnapshot, QueueDepths, QueueName } from '../queue.types.js';
import { LocalJobsRepository, type ClaimedJob, type Lease } from './local-jobs.repository.js';

const KEEP_COMPLETED_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * The embedded-mode driver: jobs are rows of `app.queued_jobs`, so they survive a
 * restart, and any process on the same database can run them. A poller claims
 * due jobs one statement at a time; a lease (renewed while the job runs) lets
 * another process take over the jobs of a runner that died.
 */
@Injectable()
export class LocalQueueDriver implements QueueDriver {
  private readonly logger = new Logger('Queue');
  private readonly running = new Map<string, { lease: Lease; done: Promise<void> }>();
  private queues: QueueName[] = [];
  private dispatch?: JobDispatch;
  private loop?: Promise<void>;
  private heartbeat?: NodeJS.Timeout;
  private stopping = false;
  private wakeUp?: () => void;
  private wokenWhileBusy = false;
  private lastPrune = 0;

  constructor(
    private readonly jobs: LocalJobsRepository,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: ResolvedQueueModuleOptions,
  ) {}

  async enqueue(
    queue: QueueName,
    name: string,
    data: unknown,
    options: ResolvedJobOptions,
  ): Promise<string> {
    await this.jobs.insertIfAbsent({
      id: uuidv7(),
      queue,
      name,
      jobKey: options.jobId,
      data,
      maxAttempts: options.attempts,
      backoffMs: options.backoffMs,
      delayMs: options.delayMs,
    });
    if (options.delayMs === 0) this.wake();
    return options.jobId;
  }

  getJob(queue: QueueName, jobId: string): Promise<JobSnapshot | undefined> {
    return this.jobs.findByKey(queue, jobId);
  }

  async progress(queue: QueueName, jobIds: string[]): Promise<JobProgress[]> {
    return Promise.all(jobIds.map(async (id) => progressOf(await this.getJob(queue, id))));
  }

  depths(): Promise<QueueDepths> {
    return this.jobs.depths();
  }

  removeWhere(queue: QueueName, name: string, field: string, value: string): Promise<string[]> {
    return this.jobs.removeWhere(queue, name, field, value);
  }

  countWhere(queue: QueueName, name: string, field: string, value: string): Promise<number> {
    return this.jobs.countWhere(queue, name, field, value);
  }

  pruneFailed(olderThanMs: number, dryRun: boolean): Promise<number> {
    return this.jobs.pruneFailed(olderThanMs, dryRun);
  }

  failedJobs(queue: QueueName, limit: number): Promise<FailedJob[]> {
    return this.jobs.failed(queue, limit);
  }

  async promoteDelayed(): Promise<void> {
    await this.jobs.promoteDelayed();
    this.wake();
  }

  async startProcessing(queues: QueueName[], dispatch: JobDispatch): Promise<void> {
    if (queues.length === 0) return;
    this.queues = queues;
    this.dispatch = dispatch;
    this.heartbeat = setInterval(() => void this.renewLeases(), this.options.leaseMs / 3);
    this.heartbeat.unref();
    this.loop = this.poll();
  }

  async close(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    const finished = await settlesWithin(
      Promise.all([...this.running.values()].map((r) => r.done)),
      timeoutMs,
    );
    clearInterval(this.heartbeat);
    if (!finished) {
      const leases = [...this.running.values()].map((r) => r.lease);
      this.logger.warn(`${leases.length} job(s) still running at shutdown go back to the queue`);
      await this.jobs.release(leases).catch((err: unknown) => this.logError('release', err));
    }
  }

  private async poll(): Promise<void> {
    while (!this.stopping) {
      let claimed = false;
      try {
        if (this.running.size < this.options.concurrency) {
          const job = await this.jobs.claimNext(this.queues, this.options.leaseMs);
          if (job && !this.stopping) this.start(job);
          else if (job) await this.jobs.release([{ id: job.id, attempt: job.attemptsMade }]);
          claimed = job !== undefined;
        }
        await this.pruneNowAndThen();
      } catch (err) {
        this.logError('poll', err);
      }
      // A claimed job may have a successor ready: look again at once.
      if (!claimed) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private start(job: ClaimedJob): void {
    const lease = { id: job.id, attempt: job.attemptsMade };
    const done = this.execute(job, lease)
      .catch((err: unknown) => this.logError(`settle ${job.name} ${job.jobKey}`, err))
      .finally(() => {
        this.running.delete(job.id);
        this.wake();
      });
    this.running.set(job.id, { lease, done });
  }

  private async execute(job: ClaimedJob, lease: Lease): Promise<void> {
    if (job.attemptsMade > job.maxAttempts) {
      // Its last attempt was taken by a runner that died (the lease ran out).
      await this.jobs.markFailed(lease, 'the runner of the last attempt stopped (lease expired)');
      return;
    }
    let result: unknown;
    try {
      result = await this.dispatch!({
        id: job.jobKey,
        name: job.name,
        data: job.data,
        attempt: job.attemptsMade,
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      if (job.attemptsMade >= job.maxAttempts || err instanceof PermanentJobError) {
        this.logger.warn(`job ${job.name} ${job.jobKey} failed for good: ${error}`);
        await this.jobs.markFailed(lease, error);
      } else {
        const wait = retryDelayMs(job.backoffMs, job.attemptsMade);
        await this.jobs.retryLater(lease, error, wait);
        if (wait === 0) this.wake();
      }
      return;
    }
    await this.jobs.complete(lease, result);
  }

  private async renewLeases(): Promise<void> {
    const leases = [...this.running.values()].map((r) => r.lease);
    await this.jobs
      .renewLeases(leases, this.options.leaseMs)
      .catch((err: unknown) => this.logError('lease renewal', err));
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.jobs.pruneCompleted(KEEP_COMPLETED_MS);
  }

  /** Sleeps until the next tick, or until `wake` (an enqueue, a finished job, shutdown). */
  private sleep(ms: number): Promise<void> {
    if (this.wokenWhileBusy || this.stopping) {
      this.wokenWhileBusy = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp?.(), ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
    });
  }

  private wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  private logError(what: string, err: unknown): void {
    this.logger.error(`queue ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
