import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { CollectiveRole } from '../entities/membership.entity.js';
import type { MemberRow } from '../memberships.repository.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

export class UpdateMemberDto {
  @ApiPropertyOptional({
    enum: CollectiveRole,
    description: 'Only an owner grants or takes ownership; the last owner stays owner',
  })
  @IsOptionalNotNull()
  @IsEnum(CollectiveRole)
  role?: CollectiveRole;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) user_id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: CollectiveRole }) role: CollectiveRole;
  @ApiProperty({ format: 'date-time' }) joined_at: string;

  static from(row: MemberRow): MemberDto {
    return {
      user_id: row.userId,
      name: row.name,
      role: row.role,
      joined_at: new Date(row.createdAt).toISOString(),
    };
  }
}

export class MemberPageDto {
  @ApiProperty({ type: MemberDto, isArray: true }) data: MemberDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
