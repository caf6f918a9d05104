import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import {
  PostSummaryDto,
  SummaryAcceptedDto,
  SummaryJobDto,
  SummaryJobParams,
} from './dto/summary.dto.js';
import { SummariesService } from './summaries.service.js';

@ApiTags('memory')
@ApiBearerAuth()
@Controller('memory/summaries')
export class SummariesController {
  constructor(private readonly summaries: SummariesService) {}

  @Post()
  @ApiOperation({
    summary: "Hand a conversation's summary to the memory lake (stored by a worker)",
  })
  @ApiAcceptedResponse({ type: SummaryAcceptedDto, description: 'Queued; follow the job' })
  @ApiForbiddenResponse({
    description:
      'consent-required: a minor without consent; feature-disabled: the memory-lake flag is off',
  })
  @ApiCreatedResponse({
    type: SummaryAcceptedDto,
    description: 'The queue was unreachable, so the summary was stored before answering',
  })
  @ApiNotFoundResponse({ description: 'No such conversation of yours' })
  async post(
    @CurrentUser() me: AuthContext,
    @Body() body: PostSummaryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SummaryAcceptedDto> {
    const accepted = await this.summaries.accept(me.userId, {
      conversationId: body.conversation_id,
      summary: body.summary,
      asOf: body.as_of,
    });
    res.status(accepted.job_id ? 202 : 201);
    if (accepted.job_id) res.location(`/v1/memory/summaries/jobs/${accepted.job_id}`);
    return accepted;
  }

  @Get('jobs/:id')
  @Access('summary-job')
  @ApiOperation({ summary: 'Status of a summary job: waiting, running, retried, failed, done' })
  @ApiOkResponse({ type: SummaryJobDto })
  @ApiNotFoundResponse({ description: 'No such job of yours (or finished over a day ago)' })
  @ApiServiceUnavailableResponse({ description: 'The queue cannot be reached' })
  job(@CurrentUser() me: AuthContext, @Param() params: SummaryJobParams): Promise<SummaryJobDto> {
    return this.summaries.job(me.userId, params.id);
  }
}
