import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Counter } from 'prom-client';
import { DecoratedMethods } from '../../../platform/discovery/decorated-methods.js';
import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';
import { MetricsService } from '../../../platform/observability/metrics.service.js';
import { AuditService, type AuditActor } from '../../audit/audit.service.js';
import type { RetentionReportDto } from './dto/retention.dto.js';
import {
  RETENTION_POLICY_METADATA,
  type RetentionPolicyMethod,
} from './retention-policy.decorator.js';

export interface RetentionRequest {
  dryRun: boolean;
  /** Names of the policies to run; every policy when omitted. */
  policies?: string[];
  actor: AuditActor;
}

/**
 * The one retention engine: every `@RetentionPolicy` of every module, run in
 * turn. What each removed is counted on /metrics, and every run (dry runs
 * too) goes into the audit log with its report.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');
  private readonly policies = new Map<string, RetentionPolicyMethod>();
  private removedTotal?: Counter<'policy'>;

  constructor(
    private readonly methods: DecoratedMethods,
    private readonly moduleRef: ModuleRef,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    for (const { meta: name, owner, call } of this.methods.find<string>(
      RETENTION_POLICY_METADATA,
    )) {
      if (this.policies.has(name)) throw new Error(`Retention policy "${name}" twice (${owner})`);
      this.policies.set(name, call as RetentionPolicyMethod);
    }
    const metrics = this.findMetrics();
    if (!metrics) return;
    this.removedTotal = new Counter({
      name: 'parley_retention_removed_total',
      help: 'What each retention policy removed (dry runs not counted)',
      labelNames: ['policy'],
      registers: [metrics.registry],
    });
    // Every policy shows, at zero until it first removes something.
    for (const policy of this.policies.keys()) this.removedTotal.inc({ policy }, 0);
  }

  names(): string[] {
    return [...this.policies.keys()];
  }

  async run(request: RetentionRequest): Promise<RetentionReportDto> {
    const selected = this.select(request.policies);
    const startedAt = new Date().toISOString();
    const results: RetentionReportDto['policies'] = [];
    for (const name of selected) {
      const removed = await this.policies.get(name)!({ dryRun: request.dryRun });
      if (!request.dryRun && removed) this.removedTotal?.inc({ policy: name }, removed);
      results.push({ name, enabled: removed !== null, removed: removed ?? 0 });
    }
    const report: RetentionReportDto = {
      dry_run: request.dryRun,
      started_at: startedAt,
      finished_at: new Date().toISOString(),
      policies: results,
      total: results.reduce((sum, r) => sum + r.removed, 0),
    };
    await this.audit.record({
      actor: request.actor,
      action: request.dryRun ? 'retention.dry-run' : 'retention.run',
      target: { type: 'retention', id: selected.length === this.policies.size ? 'all' : 'some' },
      after: { ...report },
    });
    if (report.total > 0 && !request.dryRun) {
      this.logger.log(`retention removed ${report.total}: ${summary(results)}`);
    }
    return report;
  }

  private select(names: string[] | undefined): string[] {
    if (!names) return this.names();
    const unknown = names.filter((n) => !this.policies.has(n));
    if (unknown.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Unknown retention policy.', {
        errors: unknown.map((n) => ({
          field: 'policies',
          message: `"${n.slice(0, 64)}" is not one of: ${this.names().join(', ')}`,
        })),
      });
    }
    return this.names().filter((n) => names.includes(n));
  }

  private findMetrics(): MetricsService | undefined {
    try {
      return this.moduleRef.get(MetricsService, { strict: false });
    } catch {
      return undefined;
    }
  }
}

function summary(results: RetentionReportDto['policies']): string {
  return results
    .filter((r) => r.removed > 0)
    .map((r) => `${r.name}=${r.removed}`)
    .join(' ');
}
