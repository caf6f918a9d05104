import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Counter } from 'prom-client';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { MetricsService } from '../../platform/observability/metrics.service.js';
import { RejectedSummariesRepository } from './rejected-summaries.repository.js';
import { UnstorableSummary } from './storable.js';
import type { SummaryPayload } from './summary-writer.service.js';

export type RejectionKind = 'unstorable' | 'consent' | 'refused';

/**
 * Summaries that were accepted but can never be stored. Each one is logged
 * (ids and reason, never the text), counted in
 * `parley_memory_summaries_rejected_total{kind}`, and kept in
 * `memory.rejected_summaries` with its reason, and its text unless consent was
 * what was missing: an operator can see what was lost and why.
 */
@Injectable()
export class SummaryRejections implements OnApplicationBootstrap {
  private readonly logger = new Logger('MemoryLake');
  private counter?: Counter<'kind'>;

  constructor(
    private readonly rejected: RejectedSummariesRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const metrics = this.findMetrics();
    if (!metrics) return;
    this.counter = new Counter({
      name: 'parley_memory_summaries_rejected_total',
      help: 'Accepted summaries that can never be stored (kept in memory.rejected_summaries)',
      labelNames: ['kind'],
      registers: [metrics.registry],
    });
  }

  /** Never throws: a rejection that cannot be recorded is still logged. */
  async record(jobId: string, payload: SummaryPayload, err: unknown): Promise<void> {
    const kind = kindOf(err);
    const reason = err instanceof Error ? err.message : String(err);
    this.counter?.inc({ kind });
    this.logger.error(
      `summary ${jobId} (user ${payload.userId}, conversation ${payload.conversationId}, ` +
        `as_of ${payload.asOf}) can never be stored and is kept in memory.rejected_summaries: ${reason}`,
    );
    try {
      await this.rejected.insertIfAbsent({
        jobId,
        userId: payload.userId,
        conversationId: payload.conversationId,
        asOf: payload.asOf,
        reason,
        // JSON escapes what the database refuses in plain text; without consent, nothing is kept.
        summaryJson: kind === 'consent' ? null : JSON.stringify(payload.summary),
      });
    } catch (recordErr) {
      // The user may be erased by now (the foreign key), or the database gone again.
      this.logger.error(
        `summary ${jobId}: the rejection could not be recorded either: ${
          recordErr instanceof Error ? recordErr.message : String(recordErr)
        }`,
      );
    }
  }

  private findMetrics(): MetricsService | undefined {
    try {
      return this.moduleRef.get(MetricsService, { strict: false });
    } catch {
      return undefined;
    }
  }
}

function kindOf(err: unknown): RejectionKind {
  if (err instanceof DomainError && err.code === ErrorCode.ConsentRequired) return 'consent';
  if (err instanceof UnstorableSummary) return 'unstorable';
  return 'refused';
}
