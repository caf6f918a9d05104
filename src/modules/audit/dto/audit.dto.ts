import { ApiProperty } from '@nestjs/swagger';
import { AuditActorType, type AuditEntry } from '../entities/audit-entry.entity.js';

const JSON_VALUE = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
  description: 'The target as it was (before) or became (after); null when it did not exist',
} as const;

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AuditActorType }) actor_type: AuditActorType;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The acting user; null for the command line and the service itself',
  })
  actor_id: string | null;
  @ApiProperty({ example: 'feature-flag.update' }) action: string;
  @ApiProperty({ example: 'feature-flag' }) target_type: string;
  @ApiProperty({ example: 'new-onboarding' }) target_id: string;
  @ApiProperty(JSON_VALUE) before: Record<string, unknown> | null;
  @ApiProperty(JSON_VALUE) after: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at: string;

  static from(entry: AuditEntry): AuditEntryDto {
    return {
      id: entry.id,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before: entry.before,
      after: entry.after,
      at: entry.at.toISOString(),
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: AuditEntryDto, isArray: true }) data: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
