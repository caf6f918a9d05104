import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ProfileFieldsDto } from '../../users/dto/profile.dto.js';
import { IsOptionalNotNull } from '../../../platform/http/validators.js';

/** Long enough to resist guessing; capped so that hashing cannot be used to burn CPU. */
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 256;

export class RegisterDto extends ProfileFieldsDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;
}

/** A guest keeps its id and data and gains credentials. */
export class UpgradeDto extends RegisterDto {}

export class LoginDto {
  @ApiProperty({ format: 'email' })
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty({ writeOnly: true })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MaxLength(200)
  refresh_token: string;
}

export class ChangePasswordDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  current_password: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  new_password: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  @MaxLength(320)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  new_password: string;
}

/**
 * An external sign-in: an OIDC ID token from a configured provider, or, for a
 * trusted client authenticated by X-Client-Id / X-Client-Secret, a login id.
 */
export class IdpLoginDto {
  @ApiPropertyOptional({
    description: 'OIDC ID token (JWT) issued by the provider',
    writeOnly: true,
  })
  @ValidateIf((o: IdpLoginDto) => o.login_id === undefined)
  @IsString()
  @MaxLength(8192)
  id_token?: string;

  @ApiPropertyOptional({ description: 'Trusted clients only: the user’s id at the provider' })
  @ValidateIf((o: IdpLoginDto) => o.id_token === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  login_id?: string;

  @ApiPropertyOptional({ description: 'Trusted clients only: a display name for a first login' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** A directory sign-in: the username the search filter matches, and its password. */
export class LdapLoginDto {
  @ApiProperty({ minLength: 1, maxLength: 256, example: 'alice' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  username: string;

  @ApiProperty({ maxLength: PASSWORD_MAX, writeOnly: true })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}
