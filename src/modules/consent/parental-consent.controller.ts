import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto, pageLimit, type Page } from '../../platform/http/pagination.js';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AnyScope, CurrentUser } from '../auth/auth.decorators.js';
import { ClientIp } from '../auth/request-context.js';
import {
  ChildDto,
  ChildPageDto,
  ParentalRequestCreatedDto,
  ParentalRequestDto,
} from './dto/parental.dto.js';
import { ParentalConsentService } from './parental-consent.service.js';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('consent')
export class ParentalConsentController {
  constructor(private readonly parental: ParentalConsentService) {}

  @Post('parental-requests')
  @AnyScope()
  @ApiOperation({
    summary: 'A minor asks a parent for consent; the code is returned once and mailed to them',
  })
  @ApiCreatedResponse({ type: ParentalRequestCreatedDto })
  request(
    @CurrentUser() me: AuthContext,
    @Body() body: ParentalRequestDto,
  ): Promise<ParentalRequestCreatedDto> {
    return this.parental.request(me.userId, body.parent_email);
  }

  @Post('parental-requests/:token/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'A parent account grants consent; links parent and child' })
  @ApiOkResponse({ type: ChildDto })
  approve(
    @CurrentUser() me: AuthContext,
    @Param('token') token: string,
    @ClientIp() ip: string,
  ): Promise<ChildDto> {
    return this.parental.approve(me.userId, token, ip);
  }

  @Get('children')
  @ApiOperation({ summary: 'Minors linked to me by parental consent' })
  @ApiOkResponse({ type: ChildPageDto })
  children(@CurrentUser() me: AuthContext, @Query() query: PageQueryDto): Promise<Page<ChildDto>> {
    return this.parental.children(me.userId, pageLimit(query), query.after);
  }

  @Delete('children/:user_id')
  @HttpCode(204)
  @Access('child', 'user_id')
  @ApiOperation({ summary: "Revoke consent: the minor's sessions drop to PENDING_CONSENT at once" })
  @ApiNoContentResponse()
  revoke(@CurrentUser() me: AuthContext, @Param('user_id') userId: string): Promise<void> {
    return this.parental.revoke(me.userId, userId);
  }
}
