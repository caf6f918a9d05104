import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import {
  ConversationType,
  Visibility,
  type Conversation,
} from '../entities/conversation.entity.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** Fields both the create and the PATCH body take, all optional; `null` clears one on PATCH. */
export class ConversationFieldsDto {
  @ApiPropertyOptional({ maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @ApiPropertyOptional({ description: 'Rolling summary', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  summary?: string | null;

  @ApiPropertyOptional({
    description: 'Active assistant persona',
    maxLength: 64,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  persona?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptionalNotNull()
  @IsObject()
  metadata?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "The model's last usage report (tokens, context size)",
  })
  @IsOptional()
  @IsObject()
  usage_context?: Record<string, unknown> | null;
}

/** A new conversation: the fields, and the values an omitted type or visibility takes. */
export class CreateConversationDto extends ConversationFieldsDto {
  @ApiPropertyOptional({ enum: ConversationType, default: ConversationType.General })
  @IsOptionalNotNull()
  @IsEnum(ConversationType)
  type?: ConversationType;

  @ApiPropertyOptional({ enum: Visibility, default: Visibility.Private })
  @IsOptionalNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

/** PATCH: only the fields sent change; nothing has a default. */
export class UpdateConversationDto extends ConversationFieldsDto {
  @ApiPropertyOptional({ enum: ConversationType })
  @IsOptionalNotNull()
  @IsEnum(ConversationType)
  type?: ConversationType;

  @ApiPropertyOptional({ enum: Visibility })
  @IsOptionalNotNull()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @ApiPropertyOptional({ description: 'true archives (sets archived_at), false restores' })
  @IsOptionalNotNull()
  @IsBoolean()
  archived?: boolean;
}

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListConversationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ConversationType, description: 'Only conversations of this type' })
  @IsOptionalNotNull()
  @IsEnum(ConversationType)
  type?: ConversationType;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true lists only archived conversations; by default they are left out',
  })
  @IsOptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  archived?: boolean;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of the title', maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ConversationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ enum: ConversationType }) type: ConversationType;
  @ApiProperty({ enum: Visibility }) visibility: Visibility;
  @ApiProperty({ type: String, nullable: true }) summary: string | null;
  @ApiProperty({ type: String, nullable: true }) persona: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  usage_context: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archived_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ format: 'date-time', description: 'Moves with every appended message' })
  last_activity_at: string;

  static from(c: Conversation): ConversationDto {
    return {
      id: c.id,
      title: c.title,
      type: c.type,
      visibility: c.visibility,
      summary: c.summary,
      persona: c.persona,
      metadata: c.metadata,
      usage_context: c.usageContext,
      archived_at: iso(c.archivedAt),
      created_at: iso(c.createdAt)!,
      updated_at: iso(c.updatedAt)!,
      last_activity_at: iso(c.lastActivityAt)!,
    };
  }
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationDto] }) data: ConversationDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
