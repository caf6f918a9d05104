import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  decodeCursor,
  PageQueryDto,
  pageLimit,
  toPage,
  type Page,
} from '../../platform/http/pagination.js';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from './auth-context.js';
import { AnyScope, CurrentUser } from './auth.decorators.js';
import { SessionDto, SessionPageDto } from './dto/tokens.dto.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @AnyScope()
  @ApiOperation({ summary: 'The caller’s live sessions, newest first' })
  @ApiOkResponse({ type: SessionPageDto })
  async list(
    @CurrentUser() me: AuthContext,
    @Query() query: PageQueryDto,
  ): Promise<Page<SessionDto>> {
    const limit = pageLimit(query);
    const after = query.after ? decodeCursor(query.after, ['timestamp', 'uuid']) : undefined;
    const rows = await this.sessions.listLive(me.userId, limit, after);
    return toPage(
      rows,
      limit,
      (s) => [s.createdAt.toISOString(), s.id],
      (s) => SessionDto.from(s, me.sessionId),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @AnyScope()
  @Access('session')
  @ApiOperation({ summary: 'Revoke one of the caller’s sessions' })
  @ApiNoContentResponse()
  revoke(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<void> {
    return this.sessions.revokeOwned(me.userId, id);
  }
}
