import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

export type QueueDepthSource = () => Promise<Record<string, Record<string, number>>>;

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * One registry per application instance (tests run several in one process).
 * Gauges are read at scrape time, so they cost nothing between scrapes.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** Observed where jobs run: the worker, or the API in embedded mode. */
  readonly jobDuration: Histogram<'job' | 'outcome'>;
  private queueDepth?: QueueDepthSource;

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'parley_' });
    this.httpDuration = new Histogram({
      name: 'parley_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'parley_job_duration_seconds',
      help: 'Job run duration by job name and outcome (each attempt counts)',
      labelNames: ['job', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [this.registry],
    });
    new Gauge({
      name: 'parley_db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    const depthOf = () => this.queueDepth?.();
    new Gauge({
      name: 'parley_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const pending = depthOf();
        if (!pending) return;
        this.reset();
        const depths = await pending.catch(() => ({}) as Record<string, Record<string, number>>);
        for (const [queue, states] of Object.entries(depths)) {
          for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
        }
      },
    });
  }

  /** The queue platform reports its depths through this, keeping the dependency one-way. */
  setQueueDepthSource(source: QueueDepthSource): void {
    this.queueDepth = source;
  }
}
