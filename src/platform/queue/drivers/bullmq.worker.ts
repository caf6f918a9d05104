import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type FactoryProvider } from '@nestjs/common';
import { UnrecoverableError, type Job, type WorkerOptions } from 'bullmq';
import { RedisConnections } from '../../redis/redis.factory.js';
import { retryDelayMs } from '../job-options.js';
import { PermanentJobError } from '../permanent-job-error.js';
import {
  settlesWithin,
  type JobDispatch,
  type ResolvedQueueModuleOptions,
} from '../queue.driver.js';
import type { QueueName } from '../queue.types.js';

/** Our own backoff curve, so BullMQ and the local driver retry on the same schedule. */
export const BACKOFF_TYPE = 'parley-exponential';

/**
 * The worker of one queue, made and registered by @nestjs/bullmq (which also
 * closes it at application shutdown). It starts only once the queue port hands
 * it the dispatcher, and runs every job through the shared handler registry.
 */
export class BullQueueWorker extends WorkerHost {
  private readonly logger = new Logger('Queue');
  private dispatch?: JobDispatch;

  constructor(readonly queueName: QueueName) {
    super();
  }

  async start(dispatch: JobDispatch): Promise<void> {
    this.dispatch = dispatch;
    this.worker.run().catch((err: Error) => this.onError(err));
    await this.worker.waitUntilReady();
  }

  /**
   * Stops taking jobs and waits up to `timeoutMs` for the running ones. Jobs
   * still running then keep running here but lose their lock: BullMQ's stall
   * check gives them to another worker once the lease lapses.
   */
  async stop(timeoutMs: number): Promise<void> {
    const finished = await settlesWithin(this.worker.pause(), timeoutMs);
    if (!finished) {
      this.logger.warn(`worker ${this.queueName} still busy at shutdown; its jobs will be retried`);
    }
    // Forced, the close skips the wait for running jobs, so the shutdown cannot hang on one.
    await this.worker.close(!finished);
  }

  async process(job: Job): Promise<unknown> {
    if (!this.dispatch) throw new Error(`worker ${this.queueName} has not been started`);
    return this.dispatch({
      id: job.id!,
      name: job.name,
      data: job.data,
      attempt: job.attemptsStarted ?? job.attemptsMade + 1,
    }).catch((err: unknown) => {
      // BullMQ's own way of saying "do not retry".
      throw err instanceof PermanentJobError ? new UnrecoverableError(err.message) : err;
    });
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    if (
      job &&
      (job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError)
    ) {
      this.logger.warn(`job ${job.name} ${job.id} failed for good: ${err.message}`);
    }
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error(`worker ${this.queueName}: ${err.message}`);
  }
}

export const BULL_WORKERS = Symbol('BULL_WORKERS');

/**
 * A provider for the worker of one queue. Its options (and its Redis client,
 * from the application's factory) are known only at run time, so the class
 * @nestjs/bullmq discovers is declared here, per queue.
 */
export function bullWorkerProvider(
  queue: QueueName,
  options: ResolvedQueueModuleOptions,
): FactoryProvider<BullQueueWorker> {
  return {
    provide: `parley:bull-worker:${queue}`,
    inject: [RedisConnections],
    useFactory: (redis: RedisConnections) => {
      const workerOptions: WorkerOptions = {
        // Workers block on Redis: their connection waits out outages (BullMQ's rule).
        connection: redis.create(`queue-worker:${queue}`, 'blocking'),
        concurrency: options.concurrency,
        // Started by the queue port once the handlers are known.
        autorun: false,
        // One lease rule for both drivers: a job whose runner stops renewing
        // its lock goes back to the queue after about this long.
        lockDuration: options.leaseMs,
        stalledInterval: options.leaseMs,
        settings: {
          backoffStrategy: (failedRuns, _type, _err, job) =>
            retryDelayMs(backoffBase(job?.opts.backoff, options.backoffMs), failedRuns),
        },
      };
      @Processor(queue, workerOptions)
      class QueueWorker extends BullQueueWorker {}
      return new QueueWorker(queue);
    },
  };
}

/** All the workers of this process, for the driver to start and stop. */
export function bullWorkersProvider(workers: FactoryProvider[]): FactoryProvider {
  return {
    provide: BULL_WORKERS,
    inject: workers.map((w) => w.provide),
    useFactory: (...all: BullQueueWorker[]) => all,
  };
}

function backoffBase(backoff: number | { delay?: number } | undefined, fallback: number): number {
  if (typeof backoff === 'number') return backoff;
  return backoff?.delay ?? fallback;
}
