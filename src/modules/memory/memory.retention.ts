import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sweep } from '../../platform/database/sweep.js';
import {
  RetentionPolicy,
  type RetentionRun,
} from '../lifecycle/retention/retention-policy.decorator.js';

/** Memory items written with a TTL, once it ran out (reads already ignore them). */
@Injectable()
export class MemoryRetention {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @RetentionPolicy('expired_memory_items')
  expiredMemoryItems({ dryRun }: RetentionRun): Promise<number> {
    return sweep(this.db, { table: 'memory.items', where: 'expires_at <= now()' }, dryRun);
  }
}
