import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthContext } from '../auth/auth-context.js';
import { AnyScope, CurrentUser } from '../auth/auth.decorators.js';
import { ConsentService, type ConsentStatus } from './consent.service.js';
import { ConsentStatusDto } from './dto/consent-status.dto.js';

@ApiTags('consent')
@ApiBearerAuth()
@Controller('consent')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get()
  @AnyScope()
  @ApiOperation({ summary: 'What is granted and what is still needed' })
  @ApiOkResponse({ type: ConsentStatusDto })
  status(@CurrentUser() me: AuthContext): Promise<ConsentStatus> {
    return this.consent.status(me.userId);
  }

  @Post('terms')
  @HttpCode(200)
  @AnyScope()
  @ApiOperation({ summary: 'Accept the terms in force (time and address are recorded)' })
  @ApiOkResponse({ type: ConsentStatusDto })
  acceptTerms(@CurrentUser() me: AuthContext, @Req() req: Request): Promise<ConsentStatus> {
    return this.consent.acceptTerms(me.userId, req.ip ?? null);
  }
}
