import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ApiAnyJson } from '../../../platform/http/api-schema.decorators.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { PREFIX_PATTERN } from '../memory-keys.js';

export class SearchMemoryDto {
  @ApiProperty({ example: 'what colour do I like', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  query: string;

  @ApiPropertyOptional({ example: 'profile', description: 'A namespace and everything under it' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(PREFIX_PATTERN, {
    message: 'prefix must be a namespace such as "profile" or "profile.preferences"',
  })
  prefix?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 10 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100)
  k?: number;
}

export class MemorySearchHitDto {
  @ApiProperty() namespace: string;
  @ApiProperty() key: string;
  @ApiAnyJson({ description: 'The stored JSON value' }) value: unknown;
  @ApiProperty({ description: 'Cosine similarity to the query (higher is closer)' })
  score: number;
}

export class MemorySearchResultDto {
  @ApiProperty({ type: [MemorySearchHitDto], description: 'Best first' })
  data: MemorySearchHitDto[];
}
