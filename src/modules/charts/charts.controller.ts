import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../../platform/access/access.decorator.js';
import { PageQueryDto, pageLimit, type Page } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { CHART } from './chart-access.checker.js';
import { ChartsService } from './charts.service.js';
import { ChartDto, ChartPageDto, CreateChartDto } from './dto/chart.dto.js';

@ApiTags('charts')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such conversation of the caller' })
@Controller('conversations/:id/charts')
export class ConversationChartsController {
  constructor(private readonly charts: ChartsService) {}

  @Post()
  @Access('conversation')
  @ApiOperation({
    summary: 'Store a chart specification, optionally tied to a message of the conversation',
  })
  @ApiCreatedResponse({ type: ChartDto })
  @ApiForbiddenResponse({ description: 'Consent is missing (a minor without parental consent)' })
  @ApiPayloadTooLargeResponse({ description: 'The spec is larger than CHART_SPEC_MAX_BYTES' })
  create(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateChartDto,
  ): Promise<ChartDto> {
    return this.charts.create(me.userId, id, body);
  }

  @Get()
  @Access('conversation')
  @ApiOperation({
    summary: 'Charts of a conversation, newest first',
    description: "Keyset pagination: `limit` and `after` (the previous page's `next_cursor`).",
  })
  @ApiOkResponse({ type: ChartPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ChartDto>> {
    return this.charts.list(me.userId, id, pageLimit(query), query.after);
  }
}

@ApiTags('charts')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such chart of the caller' })
@Controller('charts/:id')
export class ChartsController {
  constructor(private readonly charts: ChartsService) {}

  @Get()
  @Access(CHART)
  @ApiOperation({ summary: 'A chart' })
  @ApiOkResponse({ type: ChartDto })
  get(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<ChartDto> {
    return this.charts.get(me.userId, id);
  }

  @Delete()
  @Access(CHART)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a chart' })
  @ApiNoContentResponse()
  async delete(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<void> {
    await this.charts.delete(me.userId, id);
  }
}
