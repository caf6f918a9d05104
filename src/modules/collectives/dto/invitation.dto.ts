import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AgeClass } from '../../users/entities/user.entity.js';
import { Invitation, InvitationStatus } from '../entities/invitation.entity.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { nullableEnum } from '../../../platform/http/api-schema.decorators.js';

export const MAX_USAGE_LIMIT = 10_000;

export class CreateInvitationDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_USAGE_LIMIT,
    description: 'Uses allowed; 1 by default when age_class is set, otherwise unlimited',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_USAGE_LIMIT)
  usage_limit?: number;

  @ApiPropertyOptional({ enum: AgeClass, description: 'Only users of this age class may accept' })
  @IsOptionalNotNull()
  @IsEnum(AgeClass)
  age_class?: AgeClass;

  @ApiPropertyOptional({ example: 'en', description: 'UI language for the invited user' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(/^[a-z]{2}(-[A-Za-z]{2})?$/, { message: 'language must be a language code like en' })
  language?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  label?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'In the future; 7 days by default' })
  @IsOptionalNotNull()
  @Type(() => Date)
  @IsDate()
  expires_at?: Date;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) collective_id: string;
  @ApiProperty({ format: 'uuid' }) inviter_id: string;
  @ApiProperty(nullableEnum(AgeClass)) age_class: AgeClass | null;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: unlimited' })
  usage_limit: number | null;
  @ApiProperty({ type: 'integer' }) current_uses: number;
  @ApiProperty({ enum: InvitationStatus }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) accepted_at: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) accepted_by: string | null;

  static from(i: Invitation, now = new Date()): InvitationDto {
    const usable = i.status === InvitationStatus.Pending || i.status === InvitationStatus.Active;
    return {
      id: i.id,
      collective_id: i.collectiveId,
      inviter_id: i.inviterId,
      age_class: i.ageClass,
      language: i.language,
      label: i.label,
      usage_limit: i.usageLimit,
      current_uses: i.currentUses,
      status: usable && i.expiresAt <= now ? InvitationStatus.Expired : i.status,
      expires_at: i.expiresAt.toISOString(),
      created_at: i.createdAt.toISOString(),
      accepted_at: i.acceptedAt?.toISOString() ?? null,
      accepted_by: i.acceptedBy,
    };
  }
}

export class CreatedInvitationDto extends InvitationDto {
  @ApiProperty({ description: 'Shown once: only its hash is kept' }) token: string;
}

export class InvitationPageDto {
  @ApiProperty({ type: InvitationDto, isArray: true }) data: InvitationDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
