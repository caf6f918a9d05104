import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { IsEnum, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import {
  canonicalLanguage,
  CONTENT_KEY,
  CONTENT_KEY_MAX,
  ContentCategory,
  ContentVariant,
  isContentValue,
  LANGUAGE_TAG_MAX,
  type ContentValue,
} from '../content-catalog.js';
import type { LocalizedContent } from '../entities/localized-content.entity.js';

/** Largest override value, as JSON text: content is short text, not documents. */
export const CONTENT_VALUE_MAX_BYTES = 16 * 1024;

const CATEGORY_MAX = 64;
const LANGUAGE_PATTERN = '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$';

const IsLanguageTag = () =>
  ValidateBy({
    name: 'isLanguageTag',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && canonicalLanguage(value) !== null,
      defaultMessage: (args) =>
        `${args?.property ?? 'language'} must be a BCP 47 language tag such as de or de-AT`,
    },
  });

export const CONTENT_VALUE_SCHEMA: SchemaObject = {
  oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
  description: 'Text, or a structured entry (an object)',
};

/** Any name: a category that does not exist is a 404, as an unknown resource is. */
export class ContentCategoryParams {
  @ApiProperty({ enum: ContentCategory })
  @IsString()
  @MaxLength(CATEGORY_MAX)
  category: string;
}

export class ContentQueryDto {
  @ApiPropertyOptional({
    maxLength: LANGUAGE_TAG_MAX,
    pattern: LANGUAGE_PATTERN,
    example: 'de-AT',
    description:
      'BCP 47 tag; falls back along its chain (de-AT -> de -> the default language). Default: the default language',
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(LANGUAGE_TAG_MAX)
  @IsLanguageTag()
  language?: string;

  @ApiPropertyOptional({
    enum: ContentVariant,
    default: ContentVariant.All,
    description: 'teenager and parent fall back to all',
  })
  @IsOptionalNotNull()
  @IsEnum(ContentVariant)
  variant?: ContentVariant;
}

export class ResolvedContentDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: CONTENT_VALUE_SCHEMA,
    example: { 'welcome.title': 'Willkommen bei Parley' },
  })
  data: Record<string, ContentValue>;
  @ApiProperty({ enum: ContentCategory }) category: ContentCategory;
  @ApiProperty({
    example: 'de',
    description: 'The most specific language of the chain that supplied an entry',
  })
  language: string;
  @ApiProperty({ enum: ContentVariant }) variant: ContentVariant;
  @ApiProperty({
    type: [String],
    example: ['de-AT', 'de', 'en'],
    description: 'The languages looked in, most specific first',
  })
  fallbacks: string[];
}

/** One (category, language, variant): the page of entries an operator edits. */
export class ContentScopeParams {
  @ApiProperty({ enum: ContentCategory })
  @IsEnum(ContentCategory)
  category: ContentCategory;

  @ApiProperty({ maxLength: LANGUAGE_TAG_MAX, pattern: LANGUAGE_PATTERN, example: 'de' })
  @IsString()
  @MaxLength(LANGUAGE_TAG_MAX)
  @IsLanguageTag()
  language: string;

  @ApiProperty({ enum: ContentVariant })
  @IsEnum(ContentVariant)
  variant: ContentVariant;
}

export class ContentEntryParams extends ContentScopeParams {
  @ApiProperty({
    maxLength: CONTENT_KEY_MAX,
    pattern: CONTENT_KEY.source,
    example: 'welcome.title',
  })
  @IsString()
  @MaxLength(CONTENT_KEY_MAX)
  @Matches(CONTENT_KEY, { message: 'key must be dotted lower-case words (welcome.title)' })
  key: string;
}

export class PutContentDto {
  @ApiProperty({
    oneOf: CONTENT_VALUE_SCHEMA.oneOf!,
    description: `Text, or a structured entry (an object); at most ${CONTENT_VALUE_MAX_BYTES} bytes as JSON`,
    example: 'Willkommen!',
  })
  @ValidateBy({
    name: 'isContentValue',
    validator: {
      validate: (value: unknown) =>
        isContentValue(value) &&
        Buffer.byteLength(JSON.stringify(value)) <= CONTENT_VALUE_MAX_BYTES,
      defaultMessage: () =>
        `value must be a string or an object of at most ${CONTENT_VALUE_MAX_BYTES} bytes as JSON`,
    },
  })
  value: ContentValue;
}

export class ContentOverrideDto {
  @ApiProperty({ enum: ContentCategory }) category: ContentCategory;
  @ApiProperty() language: string;
  @ApiProperty({ enum: ContentVariant }) variant: ContentVariant;
  @ApiProperty() key: string;
  @ApiProperty({ oneOf: CONTENT_VALUE_SCHEMA.oneOf! }) value: ContentValue;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at: string;

  static from(row: LocalizedContent): ContentOverrideDto {
    return {
      category: row.category,
      language: row.language,
      variant: row.variant,
      key: row.key,
      value: row.value,
      updated_at: new Date(row.updatedAt).toISOString(),
    };
  }
}

export class AdminContentEntryDto {
  @ApiProperty({ example: 'welcome.title' }) key: string;
  @ApiPropertyOptional({
    oneOf: CONTENT_VALUE_SCHEMA.oneOf!,
    description:
      'What the shipped files give here (along the language and variant fallbacks); absent when they have no such key',
  })
  shipped?: ContentValue;
  @ApiPropertyOptional({
    oneOf: CONTENT_VALUE_SCHEMA.oneOf!,
    description: 'The database override at exactly this address; absent when there is none',
  })
  override?: ContentValue;
}

export class AdminContentPageDto {
  @ApiProperty({ enum: ContentCategory }) category: ContentCategory;
  @ApiProperty({ example: 'de' }) language: string;
  @ApiProperty({ enum: ContentVariant }) variant: ContentVariant;
  @ApiProperty({ type: AdminContentEntryDto, isArray: true, description: 'By key' })
  data: AdminContentEntryDto[];
}
