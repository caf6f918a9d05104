import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';
import { artifactBlobKey } from './artifact-key.js';
import { servedType } from './artifacts.service.js';

interface ArtifactRow {
  id: string;
  sha256: string;
  filename: string;
  mime: string;
}

/** Artifacts with their bytes: a link minted for this export, or the file in the archive. */
@Injectable()
export class ArtifactsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @UserExporter('artifacts')
  async *artifacts(ctx: ExportContext): AsyncGenerator<unknown> {
    const rows = keysetRows<ArtifactRow>(this.db, ctx.userId, {
      select: `id, conversation_id, sha256, filename, mime, size, session_id, run_id, tool_call_id,
               metadata, created_at`,
      from: 'app.artifacts',
      where: 'user_id = $1',
      orderBy: 'id',
      cursor: (r) => r.id,
    });
    for await (const row of rows) {
      const file = await ctx.file({
        id: row.id,
        key: artifactBlobKey(row.sha256),
        filename: row.filename,
        contentType: servedType(row.mime),
      });
      yield { ...row, ...file };
    }
  }
}
