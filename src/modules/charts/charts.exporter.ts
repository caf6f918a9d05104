import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** The charts of the user's conversations. */
@Injectable()
export class ChartsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('charts')
  charts({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: 'x.*',
      from: 'app.charts x JOIN app.conversations c ON c.id = x.conversation_id',
      where: 'c.user_id = $1',
      orderBy: 'x.id',
      cursor: (r) => r.id,
    });
  }
}
