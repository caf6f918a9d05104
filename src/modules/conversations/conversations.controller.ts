import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto, type Page } from '../../platform/http/pagination.js';
import { Access } from '../../platform/access/access.decorator.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/auth.decorators.js';
import { ConversationsService } from './conversations.service.js';
import { ConfigDto, PutConfigDto } from './dto/config.dto.js';
import {
  ConversationDto,
  ConversationPageDto,
  CreateConversationDto,
  ListConversationsQuery,
  UpdateConversationDto,
} from './dto/conversation.dto.js';
import { EraseReceiptDto } from './dto/erase.dto.js';
import { ChatSessionDto, ChatSessionPageDto } from './dto/session.dto.js';
import { ConversationEraseService } from './erase.service.js';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No such conversation of the caller' })
@Controller('conversations')
export class ConversationsController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly eraser: ConversationEraseService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a conversation' })
  @ApiCreatedResponse({ type: ConversationDto })
  async create(
    @CurrentUser() me: AuthContext,
    @Body() body: CreateConversationDto,
  ): Promise<ConversationDto> {
    return ConversationDto.from(await this.conversations.create(me.userId, body));
  }

  @Get()
  @ApiOperation({ summary: 'My conversations, newest activity first' })
  @ApiOkResponse({ type: ConversationPageDto })
  list(
    @CurrentUser() me: AuthContext,
    @Query() query: ListConversationsQuery,
  ): Promise<Page<ConversationDto>> {
    return this.conversations.list(me.userId, query);
  }

  @Get(':id')
  @Access('conversation')
  @ApiOperation({ summary: 'One of my conversations' })
  @ApiOkResponse({ type: ConversationDto })
  async get(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<ConversationDto> {
    return ConversationDto.from(await this.conversations.getOwned(me.userId, id));
  }

  @Patch(':id')
  @Access('conversation')
  @ApiOperation({
    summary: 'Change title, type, visibility, summary, persona, metadata, usage context, archived',
  })
  @ApiOkResponse({ type: ConversationDto })
  async update(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: UpdateConversationDto,
  ): Promise<ConversationDto> {
    return ConversationDto.from(await this.conversations.update(me.userId, id, body));
  }

  @Delete(':id')
  @Access('conversation')
  @ApiOperation({
    summary:
      'Erase the conversation with its messages, votes, config, sessions and agent checkpoints',
  })
  @ApiOkResponse({ type: EraseReceiptDto, description: 'What was removed, per table' })
  erase(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<EraseReceiptDto> {
    return this.eraser.erase(me.userId, id);
  }

  @Get(':id/config')
  @Access('conversation')
  @ApiOperation({ summary: 'Per-thread model config (nulls: the agent’s defaults)' })
  @ApiOkResponse({ type: ConfigDto })
  getConfig(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<ConfigDto> {
    return this.conversations.getConfig(me.userId, id);
  }

  @Put(':id/config')
  @Access('conversation')
  @ApiOperation({ summary: 'Replace the per-thread model config' })
  @ApiOkResponse({ type: ConfigDto })
  putConfig(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Body() body: PutConfigDto,
  ): Promise<ConfigDto> {
    return this.conversations.putConfig(me.userId, id, body);
  }

  @Post(':id/sessions')
  @Access('conversation')
  @ApiOperation({ summary: 'Open a chat session; its id is the agent’s thread id' })
  @ApiCreatedResponse({ type: ChatSessionDto })
  createSession(@CurrentUser() me: AuthContext, @Param('id') id: string): Promise<ChatSessionDto> {
    return this.conversations.createSession(me.userId, id);
  }

  @Get(':id/sessions')
  @Access('conversation')
  @ApiOperation({ summary: 'Chat sessions of the conversation, oldest first' })
  @ApiOkResponse({ type: ChatSessionPageDto })
  listSessions(
    @CurrentUser() me: AuthContext,
    @Param('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ChatSessionDto>> {
    return this.conversations.listSessions(me.userId, id, query);
  }
}
