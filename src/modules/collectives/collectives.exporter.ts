import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** The collectives the user belongs to, with their role in each. */
@Injectable()
export class CollectivesExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('collective_memberships')
  memberships({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: `m.id, m.collective_id, c.name AS collective_name, c.type AS collective_type,
               m.role, m.created_at`,
      from: 'app.collective_memberships m JOIN app.collectives c ON c.id = m.collective_id',
      where: 'm.user_id = $1',
      orderBy: 'm.id',
      cursor: (r) => r.id,
    });
  }
}
