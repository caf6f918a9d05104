import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEnum,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { nullableEnum } from '../../../platform/http/api-schema.decorators.js';
import { AccountType, AgeClass, Role, UserType, type User } from '../entities/user.entity.js';
import type { ProfilePatch } from '../users.repository.js';

/** BCP 47-ish: a 2-3 letter language, optionally a region or script (`en`, `pt-BR`). */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Profile fields, shared by PATCH /v1/me, register and upgrade. `null` clears a field. */
export class ProfileFieldsDto {
  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'en',
    pattern: LANGUAGE_PATTERN.source,
    nullable: true,
  })
  @IsOptional()
  @Matches(LANGUAGE_PATTERN, { message: 'language must be a language code such as en or pt-BR' })
  language?: string | null;

  @ApiPropertyOptional(nullableEnum(UserType))
  @IsOptional()
  @IsEnum(UserType)
  user_type?: UserType | null;

  @ApiPropertyOptional(nullableEnum(AgeClass))
  @IsOptional()
  @IsEnum(AgeClass)
  age_class?: AgeClass | null;

  @ApiPropertyOptional({
    type: String,
    example: 'DE',
    description: 'ISO 3166-1 alpha-2',
    nullable: true,
  })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  school?: string | null;
}

export function toProfilePatch(dto: ProfileFieldsDto): ProfilePatch {
  const patch: ProfilePatch = {};
  if (dto.name !== undefined) patch.name = dto.name;
  if (dto.language !== undefined) patch.language = dto.language;
  if (dto.user_type !== undefined) patch.userType = dto.user_type;
  if (dto.age_class !== undefined) patch.ageClass = dto.age_class;
  if (dto.country !== undefined) patch.country = dto.country?.toUpperCase() ?? null;
  if (dto.school !== undefined) patch.school = dto.school;
  return patch;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: AccountType }) account_type: AccountType;
  @ApiProperty(nullableEnum(UserType)) user_type: UserType | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty(nullableEnum(AgeClass)) age_class: AgeClass | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty({ type: String, nullable: true }) school: string | null;
  @ApiProperty({ enum: Role, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(user: User): MeDto {
    return {
      id: user.id,
      email: user.email,
      account_type: user.accountType,
      user_type: user.userType,
      name: user.name,
      language: user.language,
      age_class: user.ageClass,
      country: user.country,
      school: user.school,
      roles: user.roles,
      created_at: user.createdAt.toISOString(),
      updated_at: user.updatedAt.toISOString(),
    };
  }
}
