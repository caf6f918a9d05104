import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthRateLimit } from '../../../platform/http/rate-limit.module.js';
import { Public } from '../auth.decorators.js';
import type { IssuedTokens } from '../auth.service.js';
import { LdapLoginDto } from '../dto/credentials.dto.js';
import { GUEST_MERGE_DESCRIPTION, TokenResponseDto } from '../dto/tokens.dto.js';
import type { SessionOrigin } from '../entities/app-session.entity.js';
import {
  CAPABILITIES_HEADER,
  ClientCapabilities,
  ClientIp,
  ClientOrigin,
  type SessionCapabilities,
} from '../request-context.js';
import { LdapService } from './ldap.service.js';

@ApiTags('auth')
@Controller('auth/ldap')
export class LdapController {
  constructor(private readonly ldap: LdapService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Sign in with a directory (LDAP) username and password',
    description:
      'Binds against the configured directory: a service bind finds exactly one entry for the ' +
      'username, then the password binds as that entry. The first sign-in creates the user ' +
      '(an adult; FULL once the terms are accepted) and the IdP link `ldap`; later ones refresh ' +
      'the name and email, and the admin role follows the configured directory group. ' +
      'Failures lock out as password sign-in does. ' +
      GUEST_MERGE_DESCRIPTION,
  })
  @ApiHeader({
    name: 'X-Client-Origin',
    required: false,
    enum: ['web', 'discord', 'api'],
    description: 'Where the client runs, stored on the session; api when absent',
  })
  @ApiHeader(CAPABILITIES_HEADER)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'Unknown user or wrong password (the same answer)' })
  @ApiNotFoundResponse({ description: 'LDAP sign-in is not configured on this server' })
  @ApiTooManyRequestsResponse({ description: 'Locked out; see Retry-After' })
  @ApiServiceUnavailableResponse({ description: 'The directory cannot be reached' })
  login(
    @Body() body: LdapLoginDto,
    @ClientIp() ip: string,
    @ClientOrigin() origin: SessionOrigin,
    @ClientCapabilities() capabilities: SessionCapabilities,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<IssuedTokens> {
    return this.ldap.login(body.username, body.password, ip, origin, capabilities, authorization);
  }
}
