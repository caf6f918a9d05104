import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { DocumentStatus, SourceKind, type RagDocument } from '../entities/rag-document.entity.js';
import { CollectionParams } from './collection.dto.js';

/** Within the JSON body limit; a larger source is a file upload (RAG_UPLOAD_MAX_BYTES). */
export const MAX_TEXT_CHARS = 500_000;

export class DocumentParams extends CollectionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class PutRagDocumentDto {
  @ApiProperty({ example: 'Volcanoes', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({
    description: 'The document text (plain text or Markdown)',
    minLength: 1,
    maxLength: MAX_TEXT_CHARS,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TEXT_CHARS)
  text: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'JSON object copied onto every chunk; search filters match on it',
  })
  @IsOptionalNotNull()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/** The form fields of a document uploaded as a file, validated as a body is (metadata parsed). */
export class UploadRagDocumentFields {
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @IsOptionalNotNull()
  @IsObject()
  metadata?: Record<string, unknown>;
}

/** A document uploaded as a file: `multipart/form-data`, as the contract shows it. */
export class UploadRagDocumentForm {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'A plain text or Markdown file in UTF-8 (streamed; type sniffed from its bytes)',
  })
  file: unknown;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500, description: "Default: the file's name" })
  title?: string;

  @ApiPropertyOptional({ description: 'A JSON object, as a string, copied onto every chunk' })
  metadata?: string;
}

export class RagDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() collection: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SourceKind }) source_kind: SourceKind;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
  @ApiProperty({ description: 'Hex SHA-256 of the text' }) sha256: string;
  @ApiProperty({ enum: DocumentStatus }) status: DocumentStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why the latest ingest failed' })
  error: string | null;
  @ApiProperty({ type: 'integer', description: 'Chunks embedded (or reused) so far' })
  chunks_done: number;
  @ApiProperty({ type: 'integer' }) chunks_total: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  indexed_at: string | null;

  static from(d: RagDocument, collection: string): RagDocumentDto {
    return {
      id: d.id,
      collection,
      title: d.title,
      source_kind: d.sourceKind,
      metadata: d.metadata,
      sha256: d.contentSha256.trim(),
      status: d.status,
      error: d.error,
      chunks_done: d.chunksDone,
      chunks_total: d.chunksTotal,
      created_at: new Date(d.createdAt).toISOString(),
      updated_at: new Date(d.updatedAt).toISOString(),
      indexed_at: d.indexedAt ? new Date(d.indexedAt).toISOString() : null,
    };
  }
}

export class RagDocumentPageDto {
  @ApiProperty({ type: [RagDocumentDto] }) data: RagDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class ListDocumentsQuery extends PageQueryDto {}
