import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { ConversationConfig } from '../entities/conversation-config.entity.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

/** PUT replaces the whole config: a field left out is reset to the agent's default (null). */
export class PutConfigDto {
  @ApiPropertyOptional({ example: 'gpt-4o', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  model?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 2, nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2)
  temperature?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  system_prompt?: string | null;

  @ApiPropertyOptional({
    description: 'Max tokens of context',
    minimum: 1,
    maximum: 100_000_000,
    nullable: true,
    type: 'integer',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  context_window?: number | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptionalNotNull()
  @IsObject()
  settings?: Record<string, unknown>;
}

export class ConfigDto {
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ type: String, nullable: true }) model: string | null;
  @ApiProperty({ type: Number, nullable: true }) temperature: number | null;
  @ApiProperty({ type: String, nullable: true }) system_prompt: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) context_window: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) settings: Record<string, unknown>;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: never set',
  })
  updated_at: string | null;

  static from(conversationId: string, c: ConversationConfig | null): ConfigDto {
    return {
      conversation_id: conversationId,
      model: c?.model ?? null,
      temperature: c?.temperature ?? null,
      system_prompt: c?.systemPrompt ?? null,
      context_window: c?.contextWindow ?? null,
      settings: c?.settings ?? {},
      updated_at: c ? new Date(c.updatedAt).toISOString() : null,
    };
  }
}
