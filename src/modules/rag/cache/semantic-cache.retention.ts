import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../platform/config/config.js';
import { APP_CONFIG } from '../../../platform/config/config.tokens.js';
import { sweep } from '../../../platform/database/sweep.js';
import {
  RetentionPolicy,
  type RetentionRun,
} from '../../lifecycle/retention/retention-policy.decorator.js';

/** Semantic-cache entries past their age (a lookup never answers with one past a day anyway). */
@Injectable()
export class SemanticCacheRetention {
  private readonly hours: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hours = config.env.RETENTION_SEMANTIC_CACHE_HOURS;
  }

  @RetentionPolicy('semantic_cache_entries')
  semanticCacheEntries({ dryRun }: RetentionRun): Promise<number> {
    return sweep(
      this.db,
      {
        table: 'cache.rag_semantic_entries',
        where: 'created_at <= now() - make_interval(hours => $1)',
        params: [this.hours],
      },
      dryRun,
    );
  }
}
