import { ApiProperty } from '@nestjs/swagger';
import type { ChatSession } from '../entities/chat-session.entity.js';

export class ChatSessionDto {
  @ApiProperty({ format: 'uuid', description: "Also the agent's thread id" }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(s: ChatSession): ChatSessionDto {
    return {
      id: s.id,
      conversation_id: s.conversationId,
      created_at: new Date(s.createdAt).toISOString(),
    };
  }
}

export class ChatSessionPageDto {
  @ApiProperty({ type: [ChatSessionDto] }) data: ChatSessionDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
