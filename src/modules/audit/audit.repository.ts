import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEntry } from './entities/audit-entry.entity.js';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async append(entry: Omit<AuditEntry, 'at'>, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    // JSON columns defeat TypeORM's deep-partial typing; the entry is complete.
    await repo.insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  /** Newest first, keyset on the time-ordered id. */
  pageNewestFirst(limit: number, beforeId?: string): Promise<AuditEntry[]> {
    const qb = this.entries
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (beforeId) qb.where('a.id < :beforeId', { beforeId });
    return qb.getMany();
  }
}
