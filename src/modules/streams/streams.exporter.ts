import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** Stream records (their chunks are the assistant messages, exported with the conversation). */
@Injectable()
export class StreamsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('streams')
  streams({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: 'id, conversation_id, status, created_at, completed_at',
      from: 'app.streams',
      where: 'user_id = $1',
      orderBy: 'id',
      cursor: (r) => r.id,
    });
  }
}
