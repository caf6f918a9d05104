import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Page } from '../../platform/http/pagination.js';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import {
  CONTEXT_QUERY,
  ContextFilterInterceptor,
  ContextFilterParam,
  type ContextFilter,
} from './context-filter.js';
import { AppendBatchDto, AppendMessageDto, MAX_BATCH } from './dto/message.dto.js';
import {
  ClearHistoryReceiptDto,
  HistoryQuery,
  MessageBatchDto,
  MessageDto,
  MessagePageDto,
} from './dto/message-view.dto.js';
import { PutVoteDto, VoteDto } from './dto/vote.dto.js';
import { HistoryService } from './history.service.js';
import { MessagesService } from './messages.service.js';

@ApiTags('messages')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such conversation of the caller' })
@Controller('conversations/:id/messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly history: HistoryService,
  ) {}

  @Post()
  @Access('conversation')
  @ApiOperation({ summary: 'Append a message; idempotent on message_id' })
  @ApiCreatedResponse({ type: MessageDto, description: 'Appended' })
  @ApiOkResponse({ type: MessageDto, description: 'A replay: the stored message' })
  @ApiConflictResponse({ description: 'message_id already used with different content' })
  async append(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: AppendMessageDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageDto> {
    const { row, created } = await this.messages.append(me.userId, id, body);
    res.status(created ? 201 : 200);
    return MessageDto.from(row);
  }

  @Post('batch')
  @Access('conversation')
  @ApiOperation({
    summary:
      'Append several messages in one transaction: all or nothing; a failure names the index',
    description: `Up to ${MAX_BATCH} messages (a whole history) in one call, one statement; the body may be up to MESSAGE_BATCH_BODY_LIMIT (16 MiB by default).`,
  })
  @ApiPayloadTooLargeResponse({ description: 'The body is over MESSAGE_BATCH_BODY_LIMIT' })
  @ApiCreatedResponse({ type: MessageBatchDto, description: 'At least one was new' })
  @ApiOkResponse({ type: MessageBatchDto, description: 'All were replays' })
  @ApiConflictResponse({ description: 'A message_id already used with different content' })
  async appendBatch(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: AppendBatchDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageBatchDto> {
    const results = await this.messages.appendBatch(me.userId, id, body);
    const created = results.filter((r) => r.created).length;
    res.status(created > 0 ? 201 : 200);
    return { data: results.map((r) => MessageDto.from(r.row)), created };
  }

  @Get()
  @Access('conversation')
  @UseInterceptors(ContextFilterInterceptor)
  @ApiOperation({
    summary: 'History, oldest first (after=), or backwards from the newest page (before=)',
    description: 'With `context.<key>=<value>`, only the messages whose context has that value.',
  })
  @ApiQuery(CONTEXT_QUERY)
  @ApiOkResponse({ type: MessagePageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: HistoryQuery,
    @ContextFilterParam() context: ContextFilter,
  ): Promise<Page<MessageDto>> {
    return this.history.history(me.userId, id, query, context);
  }

  @Delete()
  @Access('conversation')
  @UseInterceptors(ContextFilterInterceptor)
  @ApiOperation({
    summary: 'Clear the history (the conversation stays)',
    description:
      'With `context.<key>=<value>`, only the messages whose context has that value; a kept ' +
      'message whose parent goes is re-attached to its nearest kept ancestor.',
  })
  @ApiQuery(CONTEXT_QUERY)
  @ApiOkResponse({ type: ClearHistoryReceiptDto })
  async clear(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @ContextFilterParam() context: ContextFilter,
  ): Promise<ClearHistoryReceiptDto> {
    return { conversation_id: id, removed: await this.messages.clear(me.userId, id, context) };
  }

  @Put(':message/vote')
  @Access('conversation')
  @ApiOperation({ summary: 'Vote up or down on a message (its client message_id or its id)' })
  @ApiOkResponse({ type: VoteDto })
  async vote(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Param('message') message: string,
    @Body() body: PutVoteDto,
  ): Promise<VoteDto> {
    const vote = await this.messages.vote(me.userId, id, message, body.value);
    return {
      message_id: vote.message_id,
      value: vote.value as VoteDto['value'],
      updated_at: new Date(vote.updated_at).toISOString(),
    };
  }

  @Delete(':message/vote')
  @HttpCode(204)
  @Access('conversation')
  @ApiOperation({ summary: 'Withdraw my vote on a message' })
  @ApiNoContentResponse()
  unvote(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Param('message') message: string,
  ): Promise<void> {
    return this.messages.unvote(me.userId, id, message);
  }
}
