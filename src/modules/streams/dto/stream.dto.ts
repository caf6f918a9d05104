import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import type { Stream } from '../entities/stream.entity.js';
import { IsOptionalNotNull, ToQueryInteger } from '../../../platform/http/validators.js';

export const MAX_CHUNK_CHARS = 64 * 1024;

export class StreamParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class AppendChunkDto {
  @ApiProperty({
    maxLength: MAX_CHUNK_CHARS,
    description: 'The chunk, as the reader should get it',
  })
  @IsString()
  @MaxLength(MAX_CHUNK_CHARS)
  data: string;
}

export class StreamEventsQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description:
      'Resume after this sequence number (the Last-Event-ID header wins when both are sent)',
  })
  @IsOptionalNotNull()
  @ToQueryInteger()
  @IsInt()
  @Min(0)
  after?: number;

  // Read by the auth guard in place of the Authorization header; documented as
  // the `ticket` security scheme, so not a second time as a parameter.
  @ApiHideProperty()
  @IsOptionalNotNull()
  @IsString()
  ticket?: string;
}

export class StreamTicketDto {
  @ApiProperty({
    description:
      "Opens this stream's events without an Authorization header: `GET /v1/streams/{id}/events?ticket=...`. Valid for this stream and this session only, until `expires_at`; reconnects may reuse it until then.",
  })
  ticket: string;

  @ApiProperty({ format: 'date-time' }) expires_at: string;

  @ApiProperty({
    description: 'The events URL with the ticket in its query, for `new EventSource(...)`',
  })
  events_url: string;

  static from(streamId: string, minted: { ticket: string; expiresAt: Date }): StreamTicketDto {
    return {
      ticket: minted.ticket,
      expires_at: minted.expiresAt.toISOString(),
      events_url: `/v1/streams/${streamId}/events?ticket=${encodeURIComponent(minted.ticket)}`,
    };
  }
}

export class ChunkAppendedDto {
  @ApiProperty({ type: 'integer', description: 'Its sequence number: the SSE event id' })
  seq: number;
}

export class StreamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ enum: ['open', 'completed'] }) status: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completed_at: string | null;
  @ApiProperty({ description: 'Where readers follow it (Server-Sent Events)' }) events_url: string;

  static from(s: Stream): StreamDto {
    return {
      id: s.id,
      conversation_id: s.conversationId,
      status: s.status,
      created_at: new Date(s.createdAt).toISOString(),
      completed_at: s.completedAt ? new Date(s.completedAt).toISOString() : null,
      events_url: `/v1/streams/${s.id}/events`,
    };
  }
}
