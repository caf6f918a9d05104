import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { COLLECTION_NAME } from './collection.dto.js';

export const MAX_K = 50;

export class RagSearchDto {
  @ApiProperty({ example: 'lava erupts from the volcano', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  query: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_K, example: 5 })
  @IsInt()
  @Min(1)
  @Max(MAX_K)
  k: number;

  @ApiPropertyOptional({
    pattern: COLLECTION_NAME.source,
    description: "One collection; by default every collection of the caller's audience",
  })
  @IsOptionalNotNull()
  @Matches(COLLECTION_NAME, { message: 'collection must be a collection name' })
  collection?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Metadata conditions, all of which must hold: `{key: value}` (contains), ' +
      '`{key: {in: [..]}}`, `{key: {not_in: [..]}}`, `{key: {lt: x}}`, `{key: {gt: x}}`',
    example: { grade: 7, year: { gt: 2020 } },
  })
  @IsOptionalNotNull()
  @IsObject()
  filter?: Record<string, unknown>;

  @ApiPropertyOptional({
    enum: ['vector', 'hybrid'],
    default: 'vector',
    description: 'hybrid: reciprocal rank fusion (k = 60) of vector and full-text ranks',
  })
  @IsOptionalNotNull()
  @IsIn(['vector', 'hybrid'])
  mode?: 'vector' | 'hybrid';

  @ApiPropertyOptional({
    minimum: -1,
    maximum: 1,
    description: 'Drop results scoring below this (vector: cosine similarity)',
  })
  @IsOptionalNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  score_threshold?: number;
}

export class RagSearchHitDto {
  @ApiProperty({ format: 'uuid' }) chunk_id: string;
  @ApiProperty({ format: 'uuid' }) document_id: string;
  @ApiProperty() collection: string;
  @ApiProperty() title: string;
  @ApiProperty() content: string;
  @ApiProperty({ description: 'vector: cosine similarity; hybrid: fused reciprocal rank' })
  score: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
}

export class RagSearchResultDto {
  @ApiProperty({ type: [RagSearchHitDto] }) data: RagSearchHitDto[];
}
