import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/config.js';
import type { ReadinessProbe } from '../observability/readiness.js';
import { RedisConnections } from '../redis/redis.factory.js';
import { RedisModule } from '../redis/redis.module.js';
import { BullmqQueueDriver, bullPrefix, bullQueuesProvider } from './drivers/bullmq.driver.js';
import { bullWorkerProvider, bullWorkersProvider } from './drivers/bullmq.worker.js';
import { LocalJobsRepository } from './drivers/local-jobs.repository.js';
import { LocalQueueDriver } from './drivers/local.driver.js';
import { DecoratedMethods } from '../discovery/decorated-methods.js';
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
import { QUEUE_NAMES } from './queue.types.js';

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
    const bullmq = config.queue.driver === 'bullmq';
    return {
      module: QueueModule,
      imports: [DiscoveryModule, ...(bullmq ? bullModules() : [])],
      providers: [
        { provide: QUEUE_MODULE_OPTIONS, useValue: resolved },
        ...(bullmq ? bullProviders(resolved) : localProviders()),
        DecoratedMethods,
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

/** Queues registered through @nestjs/bullmq, on the producer client of the Redis factory. */
function bullModules(): NonNullable<DynamicModule['imports']> {
  return [
    RedisModule,
    BullModule.forRootAsync({
      imports: [RedisModule],
      inject: [RedisConnections],
      useFactory: (redis: RedisConnections) => ({
        // Producers fail an enqueue after a few retries rather than hang a request.
        connection: redis.create('queue', 'queue'),
        prefix: bullPrefix(redis.keyPrefix),
      }),
    }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
  ];
}

function bullProviders(options: ResolvedQueueModuleOptions): Provider[] {
  const workers = options.runProcessors
    ? QUEUE_NAMES.map((queue) => bullWorkerProvider(queue, options))
    : [];
  return [
    bullQueuesProvider,
    ...workers,
    bullWorkersProvider(workers),
    { provide: QUEUE_DRIVER, useClass: BullmqQueueDriver },
  ];
}

function localProviders(): Provider[] {
  return [LocalJobsRepository, { provide: QUEUE_DRIVER, useClass: LocalQueueDriver }];
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
