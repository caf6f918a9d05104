import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { VERSION_MAX } from './document.dto.js';

const TEXT_MAX = 100_000;
export const RESOLUTIONS = ['accepted', 'rejected'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export class CreateSuggestionDto {
  @ApiProperty({
    minLength: 1,
    maxLength: TEXT_MAX,
    description: 'Text of the version the suggestion would replace; it must occur in it',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  original_text: string;

  @ApiProperty({ maxLength: TEXT_MAX, description: 'Its replacement' })
  @IsString()
  @MaxLength(TEXT_MAX)
  suggested_text: string;

  @ApiPropertyOptional({ type: String, maxLength: 4000, nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: VERSION_MAX,
    description: 'The version it is made against (default: the newest)',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(VERSION_MAX)
  version?: number;
}

export class ResolveSuggestionDto {
  @ApiProperty({ description: 'true resolves it; false opens it again' })
  @IsBoolean()
  resolved: boolean;

  @ApiPropertyOptional({
    enum: RESOLUTIONS,
    description:
      'How it was resolved (only with resolved: true). `accepted` applies it: the first ' +
      'occurrence of the original text in the newest version is replaced by the suggested ' +
      'text, as a new version (409 when the newest version no longer holds the original text)',
  })
  @IsOptionalNotNull()
  @IsIn(RESOLUTIONS)
  resolution?: Resolution;
}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) document_id: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty() original_text: string;
  @ApiProperty() suggested_text: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() resolved: boolean;
  @ApiProperty({ type: String, enum: [...RESOLUTIONS, null], nullable: true })
  resolution: Resolution | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolved_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

/** The answer to a resolution: the suggestion, and the version accepting it made. */
export class ResolvedSuggestionDto extends SuggestionDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'The version this resolution added by applying the suggestion (accepted now); null otherwise',
  })
  applied_version: number | null;
}

export class SuggestionPageDto {
  @ApiProperty({ type: [SuggestionDto], description: 'Oldest first' }) data: SuggestionDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
