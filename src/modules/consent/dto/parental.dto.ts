import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class ParentalRequestDto {
  @ApiProperty({ format: 'email', maxLength: 320, description: 'Where the approval code is sent' })
  @IsEmail()
  @MaxLength(320)
  parent_email: string;
}

export class ParentalRequestCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Shown once; also mailed to the parent' }) token: string;
  @ApiProperty() parent_email: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
}

export class ChildDto {
  @ApiProperty({ format: 'uuid' }) user_id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) user_type: string | null;
  @ApiProperty({ type: String, nullable: true }) age_class: string | null;
  @ApiProperty({ format: 'date-time' }) consented_at: string;
}

export class ChildPageDto {
  @ApiProperty({ type: ChildDto, isArray: true }) data: ChildDto[];
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}
