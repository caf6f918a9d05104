import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

/** Sessions as metadata: never a refresh token or its hash. */
@Injectable()
export class SessionsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('sessions')
  sessions({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: 'id, origin, scope, created_at, last_active_at, expires_at, revoked_at',
      from: 'app.app_sessions',
      where: 'user_id = $1',
      orderBy: 'id',
      cursor: (r) => r.id,
    });
  }
}
