import { ApiProperty } from '@nestjs/swagger';

class TermsStatusDto {
  @ApiProperty() accepted: boolean;
  @ApiProperty({ description: 'The version in force' }) version: string;
  @ApiProperty({ type: String, nullable: true }) accepted_version: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) accepted_at: string | null;
}

class ParentalStatusDto {
  @ApiProperty({ description: 'The user is a minor' }) required: boolean;
  @ApiProperty() granted: boolean;
}

export class ConsentStatusDto {
  @ApiProperty({ type: TermsStatusDto }) terms: TermsStatusDto;
  @ApiProperty({ type: ParentalStatusDto }) parental: ParentalStatusDto;
  @ApiProperty({ enum: ['terms', 'parental_consent'], isArray: true }) missing: (
    'terms' | 'parental_consent'
  )[];
}
