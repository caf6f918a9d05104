import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { sweep } from '../../platform/database/sweep.js';
import {
  DAYS_AGO,
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';
import { OPEN_TTL_SECONDS } from './chunk-store.js';

/**
 * Stream records whose chunks are long gone: completed ones past the setting,
 * and ones never completed whose chunks the store forgot (OPEN_TTL_SECONDS).
 */
@Injectable()
export class StreamRetention {
  private readonly days: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.days = config.env.RETENTION_FINISHED_STREAM_DAYS;
  }

  @RetentionPolicy('finished_streams')
  async finishedStreams({ dryRun }: RetentionRun): Promise<number | null> {
    if (this.days === 0) return null;
    return sweep(
      this.db,
      {
        table: 'app.streams',
        where: `coalesce(completed_at, created_at + make_interval(secs => $2)) < ${DAYS_AGO(1)}`,
        params: [this.days, OPEN_TTL_SECONDS],
      },
      dryRun,
    );
  }
}
