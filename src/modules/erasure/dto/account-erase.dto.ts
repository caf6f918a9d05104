import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';
import { StoreCountsDto } from '../../conversations/dto/erase.dto.js';

export class EraseAccountDto {
  @ApiPropertyOptional({
    description:
      'The account password. Without it, the session must have signed in within the last ERASE_REAUTH_SECONDS (default 10 minutes); a guest needs neither.',
    maxLength: 1024,
  })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

export class EraseVerificationDto {
  @ApiProperty({ description: 'True when no store still holds anything of the account' })
  passed: boolean;

  @ApiProperty({
    type: 'integer',
    description: 'User-linked columns and outside stores queried again after the erase',
  })
  checked: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'What is still there, per column or store (empty when passed)',
  })
  remaining: Record<string, number>;

  @ApiProperty({ type: [String], description: 'Steps outside the database that failed' })
  failed: string[];
}

export class AccountEraseReceiptDto extends StoreCountsDto {
  @ApiProperty({ format: 'uuid', description: 'The erased account' })
  user_id: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The pseudonym that stands for the account in the audit log from now on',
  })
  subject: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Rows removed, per schema-qualified table (agent checkpoint tables included)',
    example: { 'app.messages': 42, 'app.users': 1, 'langgraph.checkpoints': 7 },
  })
  removed: Record<string, number>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Rows kept with the account replaced by the pseudonym, per table',
    example: { 'app.audit_log': 2 },
  })
  pseudonymised: Record<string, number>;

  @ApiProperty({ type: [String], description: 'Agent thread ids whose checkpoints were erased' })
  thread_ids: string[];

  @ApiProperty({ type: EraseVerificationDto })
  verification: EraseVerificationDto;

  @ApiProperty({ format: 'date-time' }) erased_at: string;
}
