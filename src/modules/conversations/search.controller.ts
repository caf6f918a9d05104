import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page } from '../../platform/http/pagination.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser, Public } from '../auth/auth.decorators.js';
import { HistoryQuery } from './dto/message-view.dto.js';
import { CreateFeedbackDto, FeedbackDto } from './dto/feedback.dto.js';
import {
  SearchHitDto,
  SearchPageDto,
  SearchQuery,
  SharedConversationDto,
} from './dto/search.dto.js';
import { FeedbackService } from './feedback.service.js';
import { HistoryService } from './history.service.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('search/messages')
export class SearchController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Full-text search over my own messages, best match first' })
  @ApiOkResponse({ type: SearchPageDto })
  search(@CurrentUser() me: AuthContext, @Query() query: SearchQuery): Promise<Page<SearchHitDto>> {
    return this.history.search(me.userId, query);
  }
}

@ApiTags('conversations')
@Controller('shared/conversations')
export class SharedController {
  constructor(private readonly history: HistoryService) {}

  @Get(':id')
  @Public()
  @ApiOperation({
    summary: 'A public conversation with a page of its messages; no authentication',
  })
  @ApiOkResponse({ type: SharedConversationDto })
  @ApiNotFoundResponse({ description: 'No such public conversation (private ones included)' })
  shared(@Param('id') id: string, @Query() query: HistoryQuery): Promise<SharedConversationDto> {
    return this.history.shared(id, query);
  }
}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @ApiOperation({ summary: 'Feedback on the app or on a chat session' })
  @ApiCreatedResponse({ type: FeedbackDto })
  async create(
    @CurrentUser() me: AuthContext,
    @Body() body: CreateFeedbackDto,
  ): Promise<FeedbackDto> {
    return FeedbackDto.from(await this.feedback.create(me.userId, body));
  }
}
