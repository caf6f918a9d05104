import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { AnyScope, CurrentUser } from '../auth/auth.decorators.js';
import { ApiKeyDto, ApiKeyListDto, PutApiKeyDto } from './dto/api-key.dto.js';
import { MeDto, ProfileFieldsDto, toProfilePatch } from './dto/profile.dto.js';
import { ApiKeysService } from './api-keys.service.js';
import { UsersService } from './users.service.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  @Get()
  @AnyScope()
  @ApiOperation({ summary: 'The caller’s profile' })
  @ApiOkResponse({ type: MeDto })
  get(@CurrentUser() me: AuthContext): Promise<MeDto> {
    return this.users.profile(me.userId);
  }

  @Patch()
  @AnyScope()
  @ApiOperation({
    summary: 'Update the profile; completing it moves live sessions on from ONBOARDING',
  })
  @ApiOkResponse({ type: MeDto })
  async patch(@CurrentUser() me: AuthContext, @Body() body: ProfileFieldsDto): Promise<MeDto> {
    return MeDto.from(await this.users.updateProfile(me.userId, toProfilePatch(body)));
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'Stored provider keys, masked' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async listKeys(@CurrentUser() me: AuthContext): Promise<ApiKeyListDto> {
    return { data: (await this.apiKeys.list(me.userId)).map((k) => ApiKeyDto.from(k)) };
  }

  @Put('api-keys/:provider')
  @ApiOperation({ summary: 'Store (or replace) a provider key, encrypted at rest' })
  @ApiOkResponse({ type: ApiKeyDto })
  async putKey(
    @CurrentUser() me: AuthContext,
    @Param('provider') provider: string,
    @Body() body: PutApiKeyDto,
  ): Promise<ApiKeyDto> {
    return ApiKeyDto.from(await this.apiKeys.put(me.userId, provider, body.api_key));
  }

  @Delete('api-keys/:provider')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget a provider key' })
  @ApiNoContentResponse()
  async deleteKey(
    @CurrentUser() me: AuthContext,
    @Param('provider') provider: string,
  ): Promise<void> {
    await this.apiKeys.remove(me.userId, provider);
  }
}
