import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import type { Artifact } from '../entities/artifact.entity.js';

/** Run and tool-call ids: printable, without control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const CLIENT_ID = /^[^\u0000-\u001f\u007f]{1,200}$/;

export class ArtifactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ description: 'SHA-256 of the content, lowercase hex', pattern: '^[0-9a-f]{64}$' })
  sha256: string;
  @ApiProperty({ type: 'integer', description: 'Bytes', minimum: 0 }) size: number;
  @ApiProperty({ description: 'Sniffed from the content, never taken from the client' })
  mime: string;
  @ApiProperty({ description: 'Sanitised file name' }) filename: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) session_id: string | null;
  @ApiProperty({ type: String, nullable: true }) run_id: string | null;
  @ApiProperty({ type: String, nullable: true }) tool_call_id: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) created_at: string;

  static from(a: Artifact): ArtifactDto {
    return {
      id: a.id,
      conversation_id: a.conversationId,
      sha256: a.sha256,
      size: Number(a.size),
      mime: a.mime,
      filename: a.filename,
      session_id: a.sessionId,
      run_id: a.runId,
      tool_call_id: a.toolCallId,
      metadata: a.metadata,
      created_at: new Date(a.createdAt).toISOString(),
    };
  }
}

export class StoredArtifactDto extends ArtifactDto {
  @ApiProperty({ description: 'The content was already stored: no new bytes were kept' })
  deduplicated: boolean;
}

export class ArtifactPageDto {
  @ApiProperty({ type: [ArtifactDto] }) data: ArtifactDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

/** The multipart form of an upload, for the document (the body is parsed as a stream). */
export class UploadArtifactForm {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file (streamed)' })
  file: unknown;
  @ApiPropertyOptional({ format: 'uuid', description: 'The chat session it came from' })
  session_id?: string;
  @ApiPropertyOptional({ maxLength: 200 }) run_id?: string;
  @ApiPropertyOptional({ maxLength: 200 }) tool_call_id?: string;
  @ApiPropertyOptional({ description: 'A JSON object, as a string (at most 16 KiB)' })
  metadata?: string;
}

export class IngestArtifactDto {
  @ApiProperty({
    description: 'SHA-256 of the object, stored under artifacts/{sha[0:2]}/{sha[2:4]}/{sha256}',
    pattern: '^[0-9a-f]{64}$',
  })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex digits' })
  sha256: string;

  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  filename?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalNotNull()
  @IsUUID()
  session_id?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @Matches(CLIENT_ID, { message: 'run_id must be 1-200 printable characters' })
  run_id?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @Matches(CLIENT_ID, { message: 'tool_call_id must be 1-200 printable characters' })
  tool_call_id?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptionalNotNull()
  @IsObject()
  metadata?: Record<string, unknown>;
}

export class CreateArtifactUploadDto extends OmitType(IngestArtifactDto, [] as const) {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Exact size in bytes' })
  @IsInt()
  @Min(0)
  size: number;
}

export class ArtifactUploadDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Complete it with POST /v1/artifact-uploads/{id}/complete',
  })
  id: string;
  @ApiProperty({ enum: ['PUT'] }) method: 'PUT';
  @ApiProperty({ description: 'Where to PUT the bytes, valid until expires_at' }) url: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Headers the PUT must carry exactly (signed: length, type, checksum)',
  })
  headers: Record<string, string>;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ description: 'The content is stored already: complete without sending it' })
  already_stored: boolean;
}

export class UploadLinkQuery {
  @ApiProperty({ description: 'Expiry, seconds since the epoch' })
  @IsString()
  @MaxLength(12)
  exp: string;

  @ApiProperty({ description: 'HMAC-SHA256 of the upload and its expiry' })
  @IsString()
  @MaxLength(64)
  sig: string;
}
