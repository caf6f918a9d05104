import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AuthRateLimit } from '../../platform/http/rate-limit.module.js';
import { toProfilePatch } from '../users/dto/profile.dto.js';
import type { AuthContext } from './auth-context.js';
import { AnyScope, CurrentUser, Public } from './auth.decorators.js';
import { AuthService, type IssuedTokens } from './auth.service.js';
import {
  ChangePasswordDto,
  ForgotPasswordDto,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  UpgradeDto,
} from './dto/credentials.dto.js';
import { AcceptedDto, GUEST_MERGE_DESCRIPTION, TokenResponseDto } from './dto/tokens.dto.js';
import type { SessionOrigin } from './entities/app-session.entity.js';
import { PasswordResetService } from './password-reset.service.js';
import {
  CAPABILITIES_HEADER,
  ClientCapabilities,
  ClientIp,
  ClientOrigin,
  type SessionCapabilities,
} from './request-context.js';

const ORIGIN_HEADER = {
  name: 'X-Client-Origin',
  required: false,
  enum: ['web', 'discord', 'api'],
  description: 'Where the client runs, stored on the session; api when absent',
};

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('register')
  @Public()
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Create an account with email and password (and optionally the profile)',
  })
  @ApiHeader(ORIGIN_HEADER)
  @ApiHeader(CAPABILITIES_HEADER)
  @ApiCreatedResponse({ type: TokenResponseDto })
  register(
    @Body() body: RegisterDto,
    @ClientOrigin() origin: SessionOrigin,
    @ClientCapabilities() capabilities: SessionCapabilities,
  ): Promise<IssuedTokens> {
    return this.auth.register(
      body.email,
      body.password,
      toProfilePatch(body),
      origin,
      capabilities,
    );
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Sign in; repeated failures lock the account and the address out',
    description: GUEST_MERGE_DESCRIPTION,
  })
  @ApiHeader(ORIGIN_HEADER)
  @ApiHeader(CAPABILITIES_HEADER)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Locked out; see Retry-After' })
  login(
    @Body() body: LoginDto,
    @ClientIp() ip: string,
    @ClientOrigin() origin: SessionOrigin,
    @ClientCapabilities() capabilities: SessionCapabilities,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<IssuedTokens> {
    return this.auth.login(body.email, body.password, ip, origin, capabilities, authorization);
  }

  @Post('guest')
  @Public()
  @AuthRateLimit()
  @ApiOperation({ summary: 'Start as a guest (no credentials); upgrade later keeping all data' })
  @ApiHeader(ORIGIN_HEADER)
  @ApiHeader(CAPABILITIES_HEADER)
  @ApiCreatedResponse({ type: TokenResponseDto })
  @ApiForbiddenResponse({ description: 'feature-disabled: the guest-sign-up flag is off' })
  guest(
    @ClientOrigin() origin: SessionOrigin,
    @ClientCapabilities() capabilities: SessionCapabilities,
  ): Promise<IssuedTokens> {
    return this.auth.guest(origin, capabilities);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Rotate a refresh token; presenting a used one revokes the session' })
  @ApiOkResponse({ type: TokenResponseDto })
  refresh(@Body() body: RefreshDto): Promise<IssuedTokens> {
    return this.auth.refresh(body.refresh_token);
  }

  @Post('logout')
  @HttpCode(204)
  @AnyScope()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke this session and its access token' })
  @ApiNoContentResponse()
  logout(@CurrentUser() me: AuthContext): Promise<void> {
    return this.auth.logout(me);
  }

  @Post('logout-all')
  @HttpCode(204)
  @AnyScope()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke every session of the caller' })
  @ApiNoContentResponse()
  logoutAll(@CurrentUser() me: AuthContext): Promise<void> {
    return this.auth.logoutAll(me);
  }

  @Post('password/change')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change the password: every earlier token dies, the caller gets new ones',
  })
  @ApiHeader(ORIGIN_HEADER)
  @ApiOkResponse({ type: TokenResponseDto })
  changePassword(
    @CurrentUser() me: AuthContext,
    @Body() body: ChangePasswordDto,
    @ClientOrigin() origin: SessionOrigin,
  ): Promise<IssuedTokens> {
    return this.auth.changePassword(me, body.current_password, body.new_password, origin);
  }

  @Post('password/forgot')
  @HttpCode(202)
  @Public()
  @AuthRateLimit()
  @ApiOperation({ summary: 'Mail a reset token; always 202, whether or not the account exists' })
  @ApiAcceptedResponse({ type: AcceptedDto })
  async forgot(@Body() body: ForgotPasswordDto): Promise<AcceptedDto> {
    await this.resets.forgot(body.email);
    return { status: 'accepted' };
  }

  @Post('password/reset')
  @HttpCode(204)
  @Public()
  @AuthRateLimit()
  @ApiOperation({ summary: 'Set a new password with a reset token (single use, 30 minutes)' })
  @ApiNoContentResponse()
  reset(@Body() body: ResetPasswordDto, @ClientIp() ip: string): Promise<void> {
    return this.resets.reset(body.token, body.new_password, ip);
  }

  @Post('upgrade')
  @HttpCode(200)
  @AnyScope()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Turn the calling guest into a regular account with the same id and data',
  })
  @ApiHeader(ORIGIN_HEADER)
  @ApiOkResponse({ type: TokenResponseDto })
  upgrade(
    @CurrentUser() me: AuthContext,
    @Body() body: UpgradeDto,
    @ClientOrigin() origin: SessionOrigin,
  ): Promise<IssuedTokens> {
    return this.auth.upgrade(me, body.email, body.password, toProfilePatch(body), origin);
  }
}
