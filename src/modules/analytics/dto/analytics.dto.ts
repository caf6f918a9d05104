import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

const LABEL_MAX = 64;
const CATEGORIES_MAX = 200;

const labels = (what: string) =>
  ApiPropertyOptional({
    type: [String],
    maxItems: CATEGORIES_MAX,
    items: { type: 'string', minLength: 1, maxLength: LABEL_MAX },
    description: `Category labels of the ${what}`,
    default: [],
  });

export class AnalyticsCategoriesDto {
  @labels('messages')
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CATEGORIES_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LABEL_MAX, { each: true })
  messages?: string[];

  @labels('moods expressed')
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CATEGORIES_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LABEL_MAX, { each: true })
  moods?: string[];

  @labels('strategies used')
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CATEGORIES_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LABEL_MAX, { each: true })
  strategies?: string[];

  @labels('answers given')
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CATEGORIES_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LABEL_MAX, { each: true })
  answer_types?: string[];
}

export class CreateConversationAnalyticsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  conversation_id: string;

  @ApiProperty({ minLength: 1, maxLength: LABEL_MAX, example: 'anxious' })
  @IsString()
  @MinLength(1)
  @MaxLength(LABEL_MAX)
  mood: string;

  @ApiProperty({ minLength: 1, maxLength: LABEL_MAX, example: 'reassure' })
  @IsString()
  @MinLength(1)
  @MaxLength(LABEL_MAX)
  strategy: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  summary: string;

  @ApiProperty({ minLength: 1, maxLength: LABEL_MAX, example: '2026.11.2' })
  @IsString()
  @MinLength(1)
  @MaxLength(LABEL_MAX)
  chatbot_version: string;

  @ApiProperty({ minLength: 2, maxLength: 35, example: 'de' })
  @IsString()
  @MinLength(2)
  @MaxLength(35)
  language: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  bullying_message?: string | null;

  @ApiPropertyOptional({ type: AnalyticsCategoriesDto })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => AnalyticsCategoriesDto)
  categories?: AnalyticsCategoriesDto;
}

export class ConversationAnalyticsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty() mood: string;
  @ApiProperty() strategy: string;
  @ApiProperty() summary: string;
  @ApiProperty() chatbot_version: string;
  @ApiProperty() language: string;
  @ApiProperty({ type: String, nullable: true }) bullying_message: string | null;
  @ApiProperty({ type: AnalyticsCategoriesDto }) categories: Required<AnalyticsCategoriesDto>;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export class AnalyticsSummaryQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start, inclusive (default: 30 days before `to`)',
  })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End, exclusive (default: now)' })
  @IsOptionalNotNull()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: PERIODS,
    default: 'day',
    description: 'Periods start at 00:00 UTC; weeks on Monday',
  })
  @IsOptionalNotNull()
  @IsIn(PERIODS)
  period?: Period;
}

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 1 },
  example: { anxious: 3, calm: 1 },
} as const;

export class CategoryCountsDto {
  @ApiProperty(COUNTS) messages: Record<string, number>;
  @ApiProperty(COUNTS) moods: Record<string, number>;
  @ApiProperty(COUNTS) strategies: Record<string, number>;
  @ApiProperty(COUNTS) answer_types: Record<string, number>;
}

export class AnalyticsPeriodDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Analyses in the period' })
  conversations: number;
  @ApiProperty(COUNTS) moods: Record<string, number>;
  @ApiProperty(COUNTS) strategies: Record<string, number>;
  @ApiProperty({ type: CategoryCountsDto }) categories: CategoryCountsDto;
}

export class AnalyticsSummaryDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ enum: PERIODS }) period: Period;
  @ApiProperty({
    type: [AnalyticsPeriodDto],
    description: 'Periods with at least one analysis, oldest first',
  })
  data: AnalyticsPeriodDto[];
}
