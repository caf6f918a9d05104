import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/config.js';
import type { ReadinessProbe } from '../observability/readiness.js';
import { BullmqQueueDriver } from './drivers/bullmq.driver.js';
import { LocalJobsRepository } from './drivers/local-jobs.repository.js';
import { LocalQueueDriver } from './drivers/local.driver.js';
import { JobHandlerExplorer, JobHandlerRegistry } from './job-handler.registry.js';
import {
  QUEUE_DRIVER,
  QUEUE_MODULE_DEFAULTS,
  QUEUE_MODULE_OPTIONS,
  type QueueModuleOptions,
  type ResolvedQueueModuleOptions,
} from './queue.driver.js';
import { QueueLifecycle } from './queue.lifecycle.js';
import { QueueService } from './queue.service.js';

export const QUEUE_READINESS = Symbol('QUEUE_READINESS');

/**
 * The queue port for the whole application: BullMQ when Redis is configured,
 * otherwise the PostgreSQL-backed local driver. Handlers run only in processes
 * started with `runProcessors` (the worker; the API in embedded mode).
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, options: QueueModuleOptions): DynamicModule {
    const resolved: ResolvedQueueModuleOptions = {
      ...QUEUE_MODULE_DEFAULTS,
      ...definedOnly(options),
      runProcessors: options.runProcessors,
    };
    const driver: Provider[] =
      config.queue.driver === 'bullmq'
        ? [{ provide: QUEUE_DRIVER, useClass: BullmqQueueDriver }]
        : [LocalJobsRepository, { provide: QUEUE_DRIVER, useClass: LocalQueueDriver }];
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: QUEUE_MODULE_OPTIONS, useValue: resolved },
        ...driver,
        JobHandlerRegistry,
        JobHandlerExplorer,
        QueueService,
        QueueLifecycle,
        {
          provide: QUEUE_READINESS,
          inject: [QueueService],
          useFactory: (queue: QueueService): ReadinessProbe => ({
            name: 'queue',
            // Requests that enqueue nothing still work without the queue's store: degraded, not down.
            critical: false,
            check: async () => ({ driver: config.queue.driver, ...(await queue.depths()) }),
          }),
        },
      ],
      exports: [QueueService, QUEUE_READINESS],
    };
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
