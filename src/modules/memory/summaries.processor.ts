import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Histogram } from 'prom-client';
import { MetricsService } from '../../platform/observability/metrics.service.js';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import { PermanentJobError } from '../../platform/queue/permanent-job-error.js';
import type { JobContext } from '../../platform/queue/queue.types.js';
import { isPermanentFailure } from './storable.js';
import { SummaryLedger } from './summary-ledger.js';
import { SummaryRejections } from './summary-rejections.js';
import {
  SummaryWriter,
  type SummaryOutcome,
  type SummaryPayload,
} from './summary-writer.service.js';

/**
 * Runs the memory lake's jobs in the worker (or in-process in the embedded
 * default). Each run is a conditional upsert, so a retry after a crash
 * halfway changes nothing already written. A summary that can never be stored
 * is recorded as rejected and its job fails at once, without retries.
 */
@Injectable()
export class SummariesProcessor implements OnApplicationBootstrap {
  private latency?: Histogram<'outcome'>;

  constructor(
    private readonly writer: SummaryWriter,
    private readonly rejections: SummaryRejections,
    private readonly ledger: SummaryLedger,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const metrics = this.findMetrics();
    if (!metrics) return;
    this.latency = new Histogram({
      name: 'parley_memory_summary_latency_seconds',
      help: 'From the API accepting a summary to the worker having stored it',
      labelNames: ['outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600],
      registers: [metrics.registry],
    });
  }

  @JobHandler('memory-lake.persist-summary')
  async persist(payload: SummaryPayload, context: JobContext): Promise<SummaryOutcome> {
    let outcome: SummaryOutcome;
    try {
      outcome = await this.writer.persist(payload);
      this.ledger.settle(context.id);
    } catch (err) {
      if (!isPermanentFailure(err)) throw err;
      // Another run would fail the same way: record it and fail the job for good.
      await this.rejections.record(context.id, payload, err);
      this.ledger.settle(context.id);
      if (err instanceof PermanentJobError) throw err;
      throw new PermanentJobError(err instanceof Error ? err.message : String(err), { cause: err });
    }
    await testOnlyDelay();
    this.latency?.observe(
      { outcome: outcome.conversation_found ? 'stored' : 'conversation-gone' },
      (Date.now() - payload.acceptedAt) / 1000,
    );
    return { ...outcome, attempt: context.attempt };
  }

  /** The worker and the API both compose observability, bare test modules may not. */
  private findMetrics(): MetricsService | undefined {
    try {
      return this.moduleRef.get(MetricsService, { strict: false });
    } catch {
      return undefined;
    }
  }
}

/**
 * Reliability tests kill a worker after it wrote but before the queue heard it
 * finished (the run that at-least-once delivery repeats); this widens that
 * window. Read only under NODE_ENV=test.
 */
async function testOnlyDelay(): Promise<void> {
  if (process.env.NODE_ENV !== 'test') return;
  const ms = Number(process.env.PARLEY_TEST_SUMMARY_JOB_DELAY_MS ?? 0);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}
