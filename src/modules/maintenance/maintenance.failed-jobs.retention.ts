import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import {
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Jobs that failed for good, kept a while for operators to read, then removed (both drivers). */
@Injectable()
export class FailedJobsRetention {
  private readonly days: number;

  constructor(
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.days = config.env.RETENTION_FAILED_JOB_DAYS;
  }

  @RetentionPolicy('failed_jobs')
  async failedJobs({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.days === 0) return null;
    return this.queue.pruneFailed(this.days * DAY_MS, { dryRun });
  }
}
