import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { AuthRateLimit } from '../../platform/http/rate-limit.module.js';
import { Public } from './auth.decorators.js';
import type { IssuedTokens } from './auth.service.js';
import { IdpLoginDto } from './dto/credentials.dto.js';
import { GUEST_MERGE_DESCRIPTION, TokenResponseDto } from './dto/tokens.dto.js';
import type { SessionOrigin } from './entities/app-session.entity.js';
import { IdpService } from './idp.service.js';
import {
  CAPABILITIES_HEADER,
  ClientCapabilities,
  ClientOrigin,
  type SessionCapabilities,
} from './request-context.js';
import { TrustedClientsService } from './trusted-clients.service.js';

@ApiTags('auth')
@Controller('auth/idp')
export class IdpController {
  constructor(
    private readonly idp: IdpService,
    private readonly clients: TrustedClientsService,
  ) {}

  @Post(':idp/login')
  @HttpCode(200)
  @Public()
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Sign in with an external identity',
    description:
      'Either `id_token` (an OIDC ID token verified against the provider’s issuer, audience and JWKS), ' +
      'or, for a trusted client sending X-Client-Id and X-Client-Secret, `login_id`. ' +
      'The first sign-in creates the user and the link. ' +
      GUEST_MERGE_DESCRIPTION,
  })
  @ApiHeader({
    name: 'X-Client-Id',
    required: false,
    description: 'Trusted clients only: the client id an admin created',
  })
  @ApiHeader({
    name: 'X-Client-Secret',
    required: false,
    description: 'Trusted clients only: the secret shown once when the client was created',
  })
  @ApiHeader(CAPABILITIES_HEADER)
  @ApiOkResponse({ type: TokenResponseDto })
  async login(
    @Param('idp') idp: string,
    @Body() body: IdpLoginDto,
    @Headers('x-client-id') clientId: string | undefined,
    @Headers('x-client-secret') clientSecret: string | undefined,
    @ClientOrigin() origin: SessionOrigin,
    @ClientCapabilities() capabilities: SessionCapabilities,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<IssuedTokens> {
    if ((body.id_token === undefined) === (body.login_id === undefined)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'Send exactly one of id_token or login_id.',
        {
          errors: [
            { field: 'id_token', message: 'exactly one of id_token or login_id is required' },
          ],
        },
      );
    }
    if (body.id_token !== undefined)
      return this.idp.loginWithIdToken(idp, body.id_token, origin, capabilities, authorization);
    if (!clientId || !clientSecret) {
      throw new DomainError(
        ErrorCode.Unauthorized,
        'login_id needs trusted client credentials.',
        {},
        {
          'WWW-Authenticate': 'Basic',
        },
      );
    }
    await this.clients.authenticate(clientId, clientSecret, idp);
    return this.idp.loginByLoginId(
      idp,
      body.login_id!,
      { name: body.name },
      origin,
      capabilities,
      authorization,
    );
  }
}
