import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { Role } from '../users/entities/user.entity.js';
import { AnalyticsService } from './analytics.service.js';
import {
  AnalyticsSummaryDto,
  AnalyticsSummaryQueryDto,
  ConversationAnalyticsDto,
  CreateConversationAnalyticsDto,
} from './dto/analytics.dto.js';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Post('conversations')
  @ApiOperation({
    summary: 'Record what the agent extracted from a conversation',
    description:
      "The agent writes with the session of the conversation's owner; each call adds one " +
      'analysis. A minor needs parental consent (403 consent-required).',
  })
  @ApiCreatedResponse({ type: ConversationAnalyticsDto })
  @ApiNotFoundResponse({ description: 'No such conversation of the caller' })
  @ApiForbiddenResponse({ description: 'Consent is missing (consent-required)' })
  record(
    @CurrentUser() me: AuthContext,
    @Body() body: CreateConversationAnalyticsDto,
  ): Promise<ConversationAnalyticsDto> {
    return this.analytics.record(me.userId, body);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiNotFoundResponse({ description: 'Not an admin (the admin surface is hidden)' })
@Controller('admin/analytics')
export class AdminAnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Analyses counted by mood, strategy and category, per day, week or month',
  })
  @ApiOkResponse({ type: AnalyticsSummaryDto })
  summary(@Query() query: AnalyticsSummaryQueryDto): Promise<AnalyticsSummaryDto> {
    return this.analytics.summary(query);
  }
}
