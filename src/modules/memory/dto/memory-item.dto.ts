import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/http/pagination.js';
import type { MemoryItem } from '../entities/memory-item.entity.js';
import { KEY_PATTERN, NAMESPACE_PATTERN, PREFIX_PATTERN } from '../memory-keys.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { ApiAnyJson } from '../../../platform/http/api-schema.decorators.js';

export class MemoryItemParams {
  @ApiProperty({ example: 'profile.preferences', pattern: NAMESPACE_PATTERN.source })
  @Matches(NAMESPACE_PATTERN, {
    message: 'namespace must be 1-8 dot-separated segments of letters, digits, _ : -',
  })
  namespace: string;

  @ApiProperty({ example: 'favourite_colour', pattern: KEY_PATTERN.source })
  @Matches(KEY_PATTERN, { message: 'key must be 1-256 letters, digits or _ : @ . -' })
  key: string;
}

export class PutMemoryItemDto {
  @ApiAnyJson({
    description: 'Any JSON value (at most 64 KiB); `{text}` or a string is searchable',
  })
  @IsDefined()
  value: unknown;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 31_536_000,
    description: 'Forget the item after this many seconds',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(31_536_000)
  ttl_seconds?: number;
}

export class ListMemoryItemsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'profile', description: 'A namespace and everything under it' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(PREFIX_PATTERN, {
    message: 'prefix must be a namespace such as "profile" or "profile.preferences"',
  })
  prefix?: string;
}

export class MemoryItemDto {
  @ApiProperty() namespace: string;
  @ApiProperty() key: string;
  @ApiAnyJson({ description: 'The stored JSON value' }) value: unknown;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expires_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(item: MemoryItem): MemoryItemDto {
    return {
      namespace: item.namespace,
      key: item.key,
      value: item.value,
      expires_at: item.expiresAt ? new Date(item.expiresAt).toISOString() : null,
      created_at: new Date(item.createdAt).toISOString(),
      updated_at: new Date(item.updatedAt).toISOString(),
    };
  }
}

export class MemoryItemPageDto {
  @ApiProperty({ type: [MemoryItemDto] }) data: MemoryItemDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
