import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { MetricsService } from '../observability/metrics.service.js';
import {
  JobHandlerExplorer,
  JobHandlerRegistry,
  type DispatchedJob,
} from './job-handler.registry.js';
import {
  QUEUE_DRIVER,
  QUEUE_MODULE_OPTIONS,
  type QueueDriver,
  type ResolvedQueueModuleOptions,
} from './queue.driver.js';
import { QueueService } from './queue.service.js';

/**
 * Finds the handlers once every provider exists, starts the driver's runners
 * where processors are on, and stops them before the database goes away.
 */
@Injectable()
export class QueueLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Queue');
  private metrics?: MetricsService;

  constructor(
    @Inject(QUEUE_DRIVER) private readonly driver: QueueDriver,
    @Inject(QUEUE_MODULE_OPTIONS) private readonly options: ResolvedQueueModuleOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly explorer: JobHandlerExplorer,
    private readonly registry: JobHandlerRegistry,
    private readonly queue: QueueService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every process explores, so a job name with two handlers fails the API's boot too.
    this.explorer.explore();
    this.metrics = this.findMetrics();
    this.metrics?.setQueueDepthSource(async () => {
      const depths = await this.queue.depths();
      return Object.fromEntries(Object.entries(depths).map(([queue, d]) => [queue, { ...d }]));
    });
    if (!this.options.runProcessors) return;
    const queues = this.registry.queues();
    await this.driver.startProcessing(queues, (job) => this.run(job));
    this.logger.log(
      `processing ${queues.join(', ') || 'no queue (no handlers)'} on the ${this.config.queue.driver} driver`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.driver.close(this.config.env.SHUTDOWN_TIMEOUT_MS);
  }

  private async run(job: DispatchedJob): Promise<unknown> {
    const end = this.metrics?.jobDuration.startTimer({ job: job.name });
    try {
      const result = await this.registry.dispatch(job);
      end?.({ outcome: 'completed' });
      return result;
    } catch (err) {
      end?.({ outcome: 'failed' });
      throw err;
    }
  }

  /**
   * Observability lives in a module the queue does not import (the queue runs in
   * bare test modules too): take its metrics when the application has them.
   */
  private findMetrics(): MetricsService | undefined {
    try {
      return this.moduleRef.get(MetricsService, { strict: false });
    } catch {
      return undefined;
    }
  }
}
