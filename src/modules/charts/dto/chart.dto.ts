import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

export class CreateChartDto {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Messages per day' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The chart specification, a JSON object (e.g. Vega-Lite, or an MCP chart tool output); ' +
      'at most CHART_SPEC_MAX_BYTES once serialised',
    example: { mark: 'bar', data: { values: [{ day: 'Mon', n: 3 }] } },
  })
  @IsObject()
  spec: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The message (its server id) of the same conversation the chart belongs to',
  })
  @IsOptionalNotNull()
  @IsUUID()
  message_id?: string;
}

export class ChartDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conversation_id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) message_id: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) spec: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class ChartPageDto {
  @ApiProperty({ type: [ChartDto], description: 'Newest first' }) data: ChartDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
