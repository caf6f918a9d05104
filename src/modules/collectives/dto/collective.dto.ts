import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Collective, CollectiveType } from '../entities/collective.entity.js';
import { CollectiveRole } from '../entities/membership.entity.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { nullableEnum } from '../../../platform/http/api-schema.decorators.js';

export class CreateCollectiveDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CollectiveType })
  @IsEnum(CollectiveType)
  type: CollectiveType;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A collective you own or administer (a school for a class)',
  })
  @IsOptional()
  @IsUUID()
  parent_id?: string | null;
}

export class UpdateCollectiveDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Move under another collective you manage; null detaches. A cycle is refused.',
  })
  @IsOptional()
  @IsUUID()
  parent_id?: string | null;
}

export class ParentalConsentDto {
  @ApiPropertyOptional({ default: true, description: 'false withdraws the family consent' })
  @IsOptionalNotNull()
  @IsBoolean()
  granted?: boolean;
}

export class CollectiveDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CollectiveType }) type: CollectiveType;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parent_id: string | null;
  @ApiProperty() parental_consent_granted: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  parental_consent_granted_at: string | null;
  @ApiProperty({
    ...nullableEnum(CollectiveRole),
    description: 'My membership role; null when I manage it through an ancestor',
  })
  my_role: CollectiveRole | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(c: Collective, myRole: CollectiveRole | null): CollectiveDto {
    return {
      id: c.id,
      name: c.name,
      type: c.type,
      parent_id: c.parentId,
      parental_consent_granted: c.parentalConsentGranted,
      parental_consent_granted_at: c.parentalConsentGrantedAt?.toISOString() ?? null,
      my_role: myRole,
      created_at: c.createdAt.toISOString(),
      updated_at: c.updatedAt.toISOString(),
    };
  }
}

export class CollectivePageDto {
  @ApiProperty({ type: CollectiveDto, isArray: true }) data: CollectiveDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
