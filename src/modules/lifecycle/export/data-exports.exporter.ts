import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from './user-exporter.decorator.js';

/** The user's own export archives (their status, not their content). */
@Injectable()
export class DataExportsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('data_exports')
  dataExports({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: 'id, status, size, created_at, finished_at, expires_at',
      from: 'app.data_exports',
      where: 'user_id = $1',
      orderBy: 'id',
      cursor: (r) => r.id,
    });
  }
}
