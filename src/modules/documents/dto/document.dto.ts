import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsOptionalNotNull, ToQueryInteger } from '../../../platform/http/validators.js';
import { DocumentKind } from '../entities/document.entity.js';

export const TITLE_MAX = 300;
/** Version numbers are int4 columns. */
export const VERSION_MAX = 2_147_483_647;

const CONTENT_DESCRIPTION =
  'The text (at most DOCUMENT_MAX_BYTES of UTF-8); for an image document, the id of an ' +
  'image artifact of the same conversation';

export class CreateDocumentDto {
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX, example: 'Essay draft' })
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  title: string;

  @ApiProperty({ enum: DocumentKind, description: 'Fixed for the life of the document' })
  @IsEnum(DocumentKind)
  kind: DocumentKind;

  @ApiProperty({ description: CONTENT_DESCRIPTION })
  @IsString()
  content: string;
}

export class CreateDocumentVersionDto {
  @ApiProperty({ description: CONTENT_DESCRIPTION })
  @IsString()
  content: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: TITLE_MAX,
    description: "Default: the previous version's title",
  })
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(TITLE_MAX)
  title?: string;
}

export class RevertDocumentQueryDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: VERSION_MAX,
    description: 'The version to keep as the newest: every later one is removed',
  })
  @ToQueryInteger()
  @IsInt()
  @Min(1)
  @Max(VERSION_MAX)
  after: number;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ enum: DocumentKind }) kind: DocumentKind;
  @ApiProperty({ description: 'Of the newest version' }) title: string;
  @ApiProperty({ description: 'Of the newest version' }) content: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The newest version' })
  version: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', description: 'When the newest version was made' })
  updated_at: string;
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentDto] }) data: DocumentDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export class DocumentVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty() title: string;
  @ApiProperty() content: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class DocumentVersionPageDto {
  @ApiProperty({ type: [DocumentVersionDto], description: 'Oldest first' })
  data: DocumentVersionDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
