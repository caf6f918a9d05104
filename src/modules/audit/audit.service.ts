import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../../platform/http/pagination.js';
import { AuditRepository } from './audit.repository.js';
import { AuditEntryDto } from './dto/audit.dto.js';
import { AuditActorType } from './entities/audit-entry.entity.js';

export interface AuditActor {
  type: AuditActorType;
  /** The user who acted; null for the command line and the service itself. */
  id: string | null;
}

export const Actors = {
  user: (id: string): AuditActor => ({ type: AuditActorType.User, id }),
  cli: (): AuditActor => ({ type: AuditActorType.Cli, id: null }),
  system: (): AuditActor => ({ type: AuditActorType.System, id: null }),
};

export interface AuditRecord {
  actor: AuditActor;
  action: string;
  target: { type: string; id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * The append-only audit log. Callers pass the EntityManager of the transaction
 * that makes the change, so the entry is written exactly when the change is.
 */
@Injectable()
export class AuditService {
  constructor(private readonly entries: AuditRepository) {}

  record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    return this.entries.append(
      {
        id: uuidv7(),
        actorType: entry.actor.type,
        actorId: entry.actor.id,
        action: entry.action,
        targetType: entry.target.type,
        targetId: entry.target.id,
        before: entry.before ?? null,
        after: entry.after ?? null,
      },
      manager,
    );
  }

  async page(query: { limit?: number; after?: string }): Promise<Page<AuditEntryDto>> {
    const limit = pageLimit(query);
    const after = query.after ? decodeCursor(query.after, ['uuid'] as const)[0] : undefined;
    const rows = await this.entries.pageNewestFirst(limit, after);
    return toPage(rows, limit, (row) => [row.id], AuditEntryDto.from);
  }
}
