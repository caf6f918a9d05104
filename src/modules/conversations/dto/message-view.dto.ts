import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import { MessageRole, type MessagePart } from '../entities/message.entity.js';
import type { MessageRow } from '../messages.repository.js';
import { MESSAGE_PART_REF } from './message.dto.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { ApiAnyJson, anyJsonSchema } from '../../../platform/http/api-schema.decorators.js';

export class HistoryQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Read backwards: empty for the newest page, or a next_cursor of a backward page for the one before it. Pages stay oldest first inside.',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(512)
  before?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Only the branch from the root to this message (edits branch instead of truncating)',
  })
  @IsOptionalNotNull()
  @IsUUID()
  leaf?: string;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) session_id: string | null;
  @ApiProperty() message_id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parent_id: string | null;
  @ApiProperty({ enum: MessageRole }) role: MessageRole;
  @ApiProperty({ type: String, nullable: true }) content: string | null;
  @ApiProperty({ type: 'array', items: { $ref: MESSAGE_PART_REF }, nullable: true })
  parts: MessagePart[] | null;
  @ApiProperty({ type: String, nullable: true }) tool_name: string | null;
  @ApiProperty({ type: String, nullable: true }) tool_call_id: string | null;
  @ApiAnyJson({ description: 'Tool call arguments (any JSON; null when none)' })
  tool_input: unknown;
  @ApiAnyJson({ description: 'Tool result (any JSON; null when none)' }) tool_output: unknown;
  @ApiProperty({
    type: 'array',
    items: anyJsonSchema('A citation, as the client sent it (any JSON)'),
    nullable: true,
  })
  citations: unknown[] | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  context: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(row: MessageRow): MessageDto {
    return {
      id: row.id,
      conversation_id: row.conversation_id,
      session_id: row.chat_session_id,
      message_id: row.message_id,
      parent_id: row.parent_id,
      role: row.role,
      content: row.content,
      parts: row.parts,
      tool_name: row.tool_name,
      tool_call_id: row.tool_call_id,
      tool_input: row.tool_input,
      tool_output: row.tool_output,
      citations: row.citations,
      context: row.context,
      metadata: row.metadata,
      created_at: new Date(row.created_at).toISOString(),
    };
  }
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto] }) data: MessageDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class MessageBatchDto {
  @ApiProperty({ type: [MessageDto], description: 'In request order; replays included' })
  data: MessageDto[];
  @ApiProperty({ type: 'integer', description: 'How many were new (the rest were replays)' })
  created: number;
}

export class ClearHistoryReceiptDto {
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'app.messages': 12, 'app.message_votes': 3 },
  })
  removed: Record<string, number>;
}
