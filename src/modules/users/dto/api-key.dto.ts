import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { UserApiKey } from '../entities/user-api-key.entity.js';

export const PROVIDER_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class PutApiKeyDto {
  @ApiProperty({ minLength: 8, maxLength: 512, writeOnly: true })
  @IsString()
  @MinLength(8)
  @MaxLength(512)
  @Matches(/^\S+$/, { message: 'api_key must not contain whitespace' })
  api_key: string;
}

/** A stored key as clients see it: never more than its last four characters. */
export class ApiKeyDto {
  @ApiProperty({ example: 'openai' }) provider: string;
  @ApiProperty({ example: '••••abcd' }) masked_key: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(key: UserApiKey): ApiKeyDto {
    return {
      provider: key.provider,
      masked_key: `••••${key.lastFour}`,
      created_at: key.createdAt.toISOString(),
      updated_at: key.updatedAt.toISOString(),
    };
  }
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) data: ApiKeyDto[];
}
