import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import { ConversationType } from '../entities/conversation.entity.js';
import type { SearchRow } from '../message-reads.repository.js';
import type { MessageRow } from '../messages.repository.js';
import { MessageDto } from './message-view.dto.js';

export class SearchQuery extends PageQueryDto {
  @ApiProperty({
    description: 'Words to find; quotes for phrases, - to exclude (web search syntax)',
    maxLength: 500,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  q: string;
}

export class SearchHitDto extends MessageDto {
  @ApiProperty({ description: 'Relevance; higher is better' }) rank: number;
}

export function toSearchHit(row: SearchRow): SearchHitDto {
  return { ...MessageDto.from(row), rank: row.rank };
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) data: SearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

/** What anyone may see of a public conversation: no metadata (costs, traces), no summary. */
export class SharedMessageDto extends OmitType(MessageDto, ['metadata'] as const) {}

export function toSharedMessage(row: MessageRow): SharedMessageDto {
  const { metadata: _metadata, ...shared } = MessageDto.from(row);
  return shared;
}

export class SharedMessagePageDto {
  @ApiProperty({ type: [SharedMessageDto] }) data: SharedMessageDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class SharedConversationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ enum: ConversationType }) type: ConversationType;
  @ApiProperty({ type: String, nullable: true }) persona: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) last_activity_at: string;
  @ApiProperty({ type: SharedMessagePageDto }) messages: SharedMessagePageDto;
}
