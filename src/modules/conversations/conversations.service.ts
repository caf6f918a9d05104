import { Injectable } from '@nestjs/common';
import { OwnerCache } from '../../platform/access/owner-cache.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { pageLimit, toPage, type Page } from '../../platform/http/pagination.js';
import { ConversationsRepository, type ConversationPatch } from './conversations.repository.js';
import { ConfigDto, type PutConfigDto } from './dto/config.dto.js';
import {
  ConversationDto,
  type CreateConversationDto,
  type ListConversationsQuery,
  type UpdateConversationDto,
} from './dto/conversation.dto.js';
import { ChatSessionDto } from './dto/session.dto.js';
import type { PageQueryDto } from '../../platform/http/pagination.js';
import { ConversationType, Visibility, type Conversation } from './entities/conversation.entity.js';
import { cursors } from './cursors.js';

function toPatch(dto: UpdateConversationDto): ConversationPatch {
  const patch: ConversationPatch = {};
  if (dto.title !== undefined) patch.title = dto.title;
  if (dto.type !== undefined) patch.type = dto.type;
  if (dto.visibility !== undefined) patch.visibility = dto.visibility;
  if (dto.summary !== undefined) {
    patch.summary = dto.summary;
    patch.summaryAsOf = new Date();
  }
  if (dto.persona !== undefined) patch.persona = dto.persona;
  if (dto.metadata !== undefined) patch.metadata = dto.metadata;
  if (dto.usage_context !== undefined) patch.usageContext = dto.usage_context;
  if (dto.archived !== undefined) patch.archivedAt = dto.archived ? new Date() : null;
  return patch;
}

/** The owner-cache kind of conversations (and their `@Access` kind). */
export const CONVERSATION = 'conversation';

/** Conversations, their per-thread config and their chat sessions. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly owners: OwnerCache,
  ) {}

  async create(userId: string, dto: CreateConversationDto): Promise<Conversation> {
    const conversation = await this.conversations.insert({
      id: uuidv7(),
      userId,
      title: dto.title ?? null,
      type: dto.type ?? ConversationType.General,
      visibility: dto.visibility ?? Visibility.Private,
      summary: dto.summary ?? null,
      summaryAsOf: dto.summary != null ? new Date() : null,
      persona: dto.persona ?? null,
      metadata: dto.metadata ?? {},
      usageContext: dto.usage_context ?? null,
    });
    await this.owners.remember(CONVERSATION, conversation.id, userId);
    return conversation;
  }

  async list(userId: string, query: ListConversationsQuery): Promise<Page<ConversationDto>> {
    const limit = pageLimit(query);
    const rows = await this.conversations.listPage(
      userId,
      { type: query.type, archived: query.archived === true, titleContains: query.q },
      query.after ? cursors.activity(query.after) : null,
      limit + 1,
    );
    return toPage(
      rows,
      limit,
      (c) => ['activity', c.activityKey, c.id],
      (c) => ConversationDto.from(c),
    );
  }

  /**
   * Whether the conversation is the user's: the one ownership check, for the
   * routes (through the access guard) and for other modules. Cached on every
   * instance (a conversation never changes owner; erasing it drops the entry
   * everywhere); `fresh` reads the database, for work that must not act on a
   * conversation erased a moment ago.
   */
  isOwner(userId: string, id: string, options: { fresh?: boolean } = {}): Promise<boolean> {
    const lookup = () => this.conversations.isOwner(userId, id);
    return options.fresh ? lookup() : this.owners.isOwner(CONVERSATION, userId, id, lookup);
  }

  /** The caller's conversation, or 404. */
  async getOwned(userId: string, id: string): Promise<Conversation> {
    const conversation = await this.conversations.findOwned(id, userId);
    if (!conversation) throw DomainError.notFound('Conversation');
    return conversation;
  }

  async update(userId: string, id: string, dto: UpdateConversationDto): Promise<Conversation> {
    const conversation = await this.conversations.update(id, userId, toPatch(dto));
    if (!conversation) throw DomainError.notFound('Conversation');
    return conversation;
  }

  /**
   * The memory worker's rolling summary: applied unless the conversation holds
   * a newer one, so that retried or reordered jobs cannot roll it back.
   */
  applyRollingSummary(
    userId: string,
    conversationId: string,
    summary: string,
    asOf: Date,
  ): Promise<boolean> {
    return this.conversations.applySummary(conversationId, userId, summary, asOf);
  }

  async getConfig(userId: string, id: string): Promise<ConfigDto> {
    await this.getOwned(userId, id);
    return ConfigDto.from(id, await this.conversations.findConfig(id));
  }

  async putConfig(userId: string, id: string, dto: PutConfigDto): Promise<ConfigDto> {
    await this.getOwned(userId, id);
    const config = await this.conversations.upsertConfig({
      conversationId: id,
      model: dto.model ?? null,
      temperature: dto.temperature ?? null,
      systemPrompt: dto.system_prompt ?? null,
      contextWindow: dto.context_window ?? null,
      settings: dto.settings ?? {},
    });
    return ConfigDto.from(id, config);
  }

  async createSession(userId: string, id: string): Promise<ChatSessionDto> {
    await this.getOwned(userId, id);
    return ChatSessionDto.from(
      await this.conversations.insertSession({ id: uuidv7(), conversationId: id }),
    );
  }

  async listSessions(
    userId: string,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<ChatSessionDto>> {
    await this.getOwned(userId, id);
    const limit = pageLimit(query);
    const after = query.after ? cursors.id(query.after, 'session') : null;
    const rows = await this.conversations.listSessions(id, after, limit + 1);
    return toPage(
      rows,
      limit,
      (s) => ['session', s.id],
      (s) => ChatSessionDto.from(s),
    );
  }
}
