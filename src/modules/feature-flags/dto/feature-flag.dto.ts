import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import type { FeatureFlag } from '../entities/feature-flag.entity.js';
import { FlagEnvironment, FlagVariant, FlagVisibility } from '../evaluation.js';
import { TargetingRulesDto, TargetingRulesViewDto } from './targeting.dto.js';

export const FLAG_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const FLAG_NAME_MAX = 100;
const NAME_MESSAGE = 'name must be a slug: lower-case letters and digits in words joined by -';

export class FlagNameParams {
  @ApiProperty({ pattern: FLAG_NAME.source, maxLength: FLAG_NAME_MAX })
  @IsString()
  @MaxLength(FLAG_NAME_MAX)
  @Matches(FLAG_NAME, { message: NAME_MESSAGE })
  name: string;
}

export class CreateFeatureFlagDto {
  @ApiProperty({ pattern: FLAG_NAME.source, maxLength: FLAG_NAME_MAX, example: 'new-onboarding' })
  @IsString()
  @MaxLength(FLAG_NAME_MAX)
  @Matches(FLAG_NAME, { message: NAME_MESSAGE })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNotNull()
  @IsBoolean()
  is_enabled?: boolean;

  @ApiPropertyOptional({ enum: FlagEnvironment, default: FlagEnvironment.All })
  @IsOptionalNotNull()
  @IsEnum(FlagEnvironment)
  environment?: FlagEnvironment;

  @ApiPropertyOptional({ enum: FlagVisibility, default: FlagVisibility.All })
  @IsOptionalNotNull()
  @IsEnum(FlagVisibility)
  visibility?: FlagVisibility;

  @ApiPropertyOptional({
    enum: FlagVariant,
    default: FlagVariant.All,
    description: 'The user type it is for: teenager, parent, or all',
  })
  @IsOptionalNotNull()
  @IsEnum(FlagVariant)
  variant?: FlagVariant;

  @ApiPropertyOptional({ type: TargetingRulesDto })
  @IsOptionalNotNull()
  @IsObject({ message: 'targeting_rules must be an object' })
  @ValidateNested()
  @Type(() => TargetingRulesDto)
  targeting_rules?: TargetingRulesDto;
}

/** Only what is sent changes; nothing has a default. `targeting_rules` is replaced whole. */
export class UpdateFeatureFlagDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  is_enabled?: boolean;

  @ApiPropertyOptional({ enum: FlagEnvironment })
  @IsOptionalNotNull()
  @IsEnum(FlagEnvironment)
  environment?: FlagEnvironment;

  @ApiPropertyOptional({ enum: FlagVisibility })
  @IsOptionalNotNull()
  @IsEnum(FlagVisibility)
  visibility?: FlagVisibility;

  @ApiPropertyOptional({ enum: FlagVariant })
  @IsOptionalNotNull()
  @IsEnum(FlagVariant)
  variant?: FlagVariant;

  @ApiPropertyOptional({ type: TargetingRulesDto })
  @IsOptionalNotNull()
  @IsObject({ message: 'targeting_rules must be an object' })
  @ValidateNested()
  @Type(() => TargetingRulesDto)
  targeting_rules?: TargetingRulesDto;
}

export class FeatureFlagDto {
  @ApiProperty({ example: 'new-onboarding' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() is_enabled: boolean;
  @ApiProperty({ enum: FlagEnvironment }) environment: FlagEnvironment;
  @ApiProperty({ enum: FlagVisibility }) visibility: FlagVisibility;
  @ApiProperty({ enum: FlagVariant }) variant: FlagVariant;
  @ApiProperty({ type: TargetingRulesViewDto }) targeting_rules: TargetingRulesViewDto;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Bumped by every change' })
  version: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(flag: FeatureFlag): FeatureFlagDto {
    return {
      name: flag.name,
      description: flag.description,
      is_enabled: flag.isEnabled,
      environment: flag.environment,
      visibility: flag.visibility,
      variant: flag.variant,
      targeting_rules: {
        rules: flag.targetingRules.rules,
        rollout: flag.targetingRules.rollout,
      },
      version: flag.version,
      created_at: flag.createdAt.toISOString(),
      updated_at: flag.updatedAt.toISOString(),
    };
  }
}

export class FeatureFlagListDto {
  @ApiProperty({ type: FeatureFlagDto, isArray: true }) data: FeatureFlagDto[];
}
