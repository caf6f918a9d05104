import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { MessageRole, type MessagePart } from '../entities/message.entity.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { ApiAnyJsonOptional, anyJsonSchema } from '../../../platform/http/api-schema.decorators.js';

/** A whole history imported in one call; the route's body limit is MESSAGE_BATCH_BODY_LIMIT. */
export const MAX_BATCH = 1000;
/** The batch route, for the body parser that gives it a larger limit. */
export const MESSAGE_BATCH_PATH = /^\/v1\/conversations\/[^/]+\/messages\/batch\/?$/;

/** The documented union of part types (message-parts.schema.ts). */
export const MESSAGE_PART_REF = '#/components/schemas/MessagePart';

function isPart(value: unknown): value is MessagePart {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const part = value as Record<string, unknown>;
  return (
    typeof part.type === 'string' &&
    part.type.length > 0 &&
    part.type.length <= 64 &&
    (part.text === undefined || typeof part.text === 'string')
  );
}

/**
 * Parts are open-ended objects (text, reasoning, tool calls, sources, files, data,
 * and types not known yet): only their shape is checked, and they are stored as sent.
 */
const IsMessageParts = () =>
  ValidateBy({
    name: 'isMessageParts',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.length <= 200 && value.every(isPart),
      defaultMessage: () =>
        'parts must be an array (at most 200) of objects with a string "type" and, if present, a string "text"',
    },
  });

/**
 * One message to append. Everything but `metadata` is its content: replaying
 * the same `message_id` with the same content answers the stored message, with
 * different content a conflict.
 */
export class AppendMessageDto {
  @ApiProperty({
    description: 'Client idempotency key, unique in the conversation',
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'message_id must be printable ASCII without spaces' })
  message_id: string;

  @ApiProperty({ enum: MessageRole })
  @IsEnum(MessageRole)
  role: MessageRole;

  @ApiPropertyOptional({ description: 'Plain text content', maxLength: 200_000 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200_000)
  content?: string;

  @ApiPropertyOptional({
    type: 'array',
    maxItems: 200,
    items: { $ref: MESSAGE_PART_REF },
    description: 'Structured content (Vercel AI SDK UIMessage parts); text parts are searchable',
  })
  @IsOptionalNotNull()
  @IsMessageParts()
  parts?: MessagePart[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The message this one answers or edits (a branch)',
  })
  @IsOptionalNotNull()
  @IsUUID()
  parent_id?: string;

  @ApiPropertyOptional({
    description: 'The parent by its client message_id (e.g. earlier in the same batch)',
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  parent_message_id?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Chat session (agent thread) of this message',
  })
  @IsOptionalNotNull()
  @IsUUID()
  session_id?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  tool_name?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  tool_call_id?: string;

  @ApiAnyJsonOptional({ description: 'Tool call arguments (any JSON)' })
  @Allow()
  tool_input?: unknown;

  @ApiAnyJsonOptional({ description: 'Tool result (any JSON)' })
  @Allow()
  tool_output?: unknown;

  @ApiPropertyOptional({
    type: 'array',
    maxItems: 200,
    items: anyJsonSchema('A citation (any JSON), stored as sent'),
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  citations?: unknown[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { chapter: 'ch-03' },
    description: 'Where it was said, e.g. a textbook chapter',
  })
  @IsOptionalNotNull()
  @IsObject()
  context?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Tokens, costs, trace ids; not compared on replay',
  })
  @IsOptionalNotNull()
  @IsObject()
  metadata?: Record<string, unknown>;
}

export class AppendBatchDto {
  @ApiProperty({ type: [AppendMessageDto], minItems: 1, maxItems: MAX_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH)
  @ValidateNested({ each: true })
  @Type(() => AppendMessageDto)
  messages: AppendMessageDto[];
}
