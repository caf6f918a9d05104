import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { ContentService } from './content.service.js';
import {
  AdminContentPageDto,
  ContentEntryParams,
  ContentOverrideDto,
  ContentScopeParams,
  PutContentDto,
} from './dto/content.dto.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiNotFoundResponse({
  description: 'No such override; or not an admin (the admin surface is hidden)',
})
@Controller('admin/content')
export class AdminContentController {
  constructor(private readonly content: ContentService) {}

  @Get(':category/:language/:variant')
  @ApiOperation({
    summary: 'The entries of one language and variant: shipped value and override side by side',
  })
  @ApiOkResponse({ type: AdminContentPageDto })
  entries(@Param() params: ContentScopeParams): Promise<AdminContentPageDto> {
    return this.content.entries(params);
  }

  @Put(':category/:language/:variant/:key')
  @ApiOperation({
    summary: 'Set an override of one entry (audited; every instance serves it at once)',
  })
  @ApiOkResponse({ type: ContentOverrideDto })
  put(
    @CurrentUser() me: AuthContext,
    @Param() params: ContentEntryParams,
    @Body() body: PutContentDto,
  ): Promise<ContentOverrideDto> {
    return this.content.put(me.userId, params, body.value);
  }

  @Delete(':category/:language/:variant/:key')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an override: the shipped entry (if any) is served again' })
  @ApiNoContentResponse()
  remove(@CurrentUser() me: AuthContext, @Param() params: ContentEntryParams): Promise<void> {
    return this.content.remove(me.userId, params);
  }
}
