import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../../platform/http/validators.js';

export class RetentionRunDto {
  @ApiPropertyOptional({ description: 'Count what each policy would remove, remove nothing' })
  @IsOptionalNotNull()
  @IsBoolean()
  dry_run?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'Run only these policies (names as the report gives them); all when omitted',
    maxItems: 50,
  })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  policies?: string[];
}

export class RetentionPolicyResultDto {
  @ApiProperty({ example: 'inactive_guests' })
  name!: string;

  @ApiProperty({ description: 'False when its setting turns the policy off' })
  enabled!: boolean;

  @ApiProperty({ description: 'What it removed, or on a dry run would remove' })
  removed!: number;
}

export class RetentionReportDto {
  @ApiProperty()
  dry_run!: boolean;

  @ApiProperty({ format: 'date-time' })
  started_at!: string;

  @ApiProperty({ format: 'date-time' })
  finished_at!: string;

  @ApiProperty({ type: [RetentionPolicyResultDto] })
  policies!: RetentionPolicyResultDto[];

  @ApiProperty({ description: 'The sum over the policies' })
  total!: number;
}
