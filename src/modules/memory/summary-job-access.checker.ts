import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { SUMMARY_JOB_ID } from './dto/summary.dto.js';
import { SummariesService } from './summaries.service.js';

/**
 * `@Access('summary-job')`: the caller's own summary jobs. A job is the queue's
 * record, not a table row, so this asks for it as the route does (a queue that
 * cannot be reached is a 503 here already).
 */
@AccessChecker()
@Injectable()
export class SummaryJobAccessChecker implements ResourceChecker {
  readonly kind = 'summary-job';
  readonly name = 'Summary job';

  constructor(private readonly summaries: SummariesService) {}

  isId(id: string): boolean {
    return SUMMARY_JOB_ID.test(id);
  }

  async check(userId: string, id: string): Promise<boolean> {
    try {
      await this.summaries.job(userId, id);
      return true;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return false;
      throw err;
    }
  }
}
