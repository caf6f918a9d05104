import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

const OWNED = `app.documents d JOIN app.conversations c ON c.id = d.conversation_id`;

/** The documents of the user's conversations, each with every version and suggestion. */
@Injectable()
export class DocumentsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('documents')
  documents({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ id: string }>(this.db, userId, {
      select: `d.*,
               (SELECT coalesce(json_agg(v ORDER BY v.version), '[]') FROM app.document_versions v
                 WHERE v.document_id = d.id) AS versions,
               (SELECT coalesce(json_agg(s ORDER BY s.id), '[]') FROM app.document_suggestions s
                 WHERE s.document_id = d.id) AS suggestions`,
      from: OWNED,
      where: 'c.user_id = $1',
      orderBy: 'd.id',
      cursor: (r) => r.id,
      pageSize: 100,
    });
  }
}
