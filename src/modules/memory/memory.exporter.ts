import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** Memory items (conversation summaries among them) and the summaries the lake refused. */
@Injectable()
export class MemoryExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('memory_items')
  items({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ cursor: string }>(this.db, userId, {
      select: `namespace, key, value, text, expires_at, created_at, updated_at,
               namespace || '/' || key AS cursor`,
      from: 'memory.items',
      where: 'user_id = $1',
      orderBy: `(namespace || '/' || key)`,
      cursor: (r) => r.cursor,
      start: '',
    });
  }

  @UserExporter('memory_rejected_summaries')
  rejected({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ job_id: string }>(this.db, userId, {
      select: 'job_id, conversation_id, as_of, reason, summary_json, rejected_at',
      from: 'memory.rejected_summaries',
      where: 'user_id = $1',
      orderBy: 'job_id',
      cursor: (r) => r.job_id,
      start: '',
    });
  }
}
