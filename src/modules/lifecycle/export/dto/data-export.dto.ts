import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { DataExportStatus, type DataExport } from '../entities/data-export.entity.js';

export class DataExportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: [...Object.values(DataExportStatus), 'expired'] })
  status!: DataExportStatus | 'expired';

  @ApiProperty({
    description: 'Percent of the sections written, 0 to 100',
    minimum: 0,
    maximum: 100,
  })
  progress!: number;

  @ApiProperty()
  sections_done!: number;

  @ApiProperty()
  sections_total!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Bytes of the archive, once built' })
  size!: number | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  error!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finished_at!: string | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'Until when the archive can be downloaded',
  })
  expires_at!: string | null;

  static from(e: DataExport, now = new Date()): DataExportDto {
    const expired = e.expiresAt !== null && new Date(e.expiresAt) <= now;
    const done = e.status === DataExportStatus.Completed;
    return {
      id: e.id,
      status: expired ? 'expired' : e.status,
      progress: done
        ? 100
        : e.sectionsTotal > 0
          ? Math.min(99, Math.floor((e.sectionsDone * 100) / e.sectionsTotal))
          : 0,
      sections_done: e.sectionsDone,
      sections_total: e.sectionsTotal,
      size: e.size === null ? null : Number(e.size),
      error: e.error,
      created_at: new Date(e.createdAt).toISOString(),
      finished_at: e.finishedAt ? new Date(e.finishedAt).toISOString() : null,
      expires_at: e.expiresAt ? new Date(e.expiresAt).toISOString() : null,
    };
  }
}

/** The export document's schema: its head, then one key per section (modules add sections). */
export const USER_EXPORT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['format', 'exported_at', 'user_id', 'profile'],
  properties: {
    format: { type: 'string', example: 'parley-export/1' },
    exported_at: { type: 'string', format: 'date-time' },
    user_id: { type: 'string', format: 'uuid' },
    profile: { type: 'object', additionalProperties: true },
  },
  description:
    'Every other key is a section: a list of records (conversations, messages, memory_items, ' +
    'artifacts with short-lived download links, ...) or one object (consent).',
  additionalProperties: {
    oneOf: [
      { type: 'array', items: { type: 'object', additionalProperties: true } },
      { type: 'object', additionalProperties: true },
    ],
  },
};
