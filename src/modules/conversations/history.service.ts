import { Injectable } from '@nestjs/common';
import { isUuid } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { pageLimit, toPage, type Page } from '../../platform/http/pagination.js';
import { ConversationsRepository } from './conversations.repository.js';
import type { ContextFilter } from './context-filter.js';
import { cursors } from './cursors.js';
import type { HistoryQuery } from './dto/message-view.dto.js';
import { MessageDto } from './dto/message-view.dto.js';
import type { SearchHitDto, SearchQuery, SharedConversationDto } from './dto/search.dto.js';
import { toSearchHit, toSharedMessage } from './dto/search.dto.js';
import {
  MessageReadsRepository,
  type HistoryRows,
  type HistoryWindow,
  type ReadScope,
} from './message-reads.repository.js';
import type { MessageRow } from './messages.repository.js';

/** Reading messages: history pages, branches, the public view and search. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly reads: MessageReadsRepository,
    private readonly conversations: ConversationsRepository,
  ) {}

  history(
    userId: string,
    conversationId: string,
    query: HistoryQuery,
    context: ContextFilter = {},
  ): Promise<Page<MessageDto>> {
    return this.page(
      { ownerId: userId },
      conversationId,
      query,
      (r) => MessageDto.from(r),
      context,
    );
  }

  /** A public conversation and a page of its messages; private ones do not exist here. */
  async shared(conversationId: string, query: HistoryQuery): Promise<SharedConversationDto> {
    const conversation = isUuid(conversationId)
      ? await this.conversations.findPublic(conversationId)
      : null;
    if (!conversation) throw DomainError.notFound('Conversation');
    const messages = await this.page({ publicOnly: true }, conversationId, query, toSharedMessage);
    return {
      id: conversation.id,
      title: conversation.title,
      type: conversation.type,
      persona: conversation.persona,
      created_at: new Date(conversation.createdAt).toISOString(),
      last_activity_at: new Date(conversation.lastActivityAt).toISOString(),
      messages,
    };
  }

  async search(userId: string, query: SearchQuery): Promise<Page<SearchHitDto>> {
    const limit = pageLimit(query);
    const after = query.after ? cursors.rank(query.after) : null;
    const rows = await this.reads.search(userId, query.q, after, limit + 1);
    return toPage(rows, limit, (r) => ['rank', r.rank, r.id], toSearchHit);
  }

  private async page<T>(
    scope: ReadScope,
    conversationId: string,
    query: HistoryQuery,
    map: (row: MessageRow) => T,
    context: ContextFilter = {},
  ): Promise<Page<T>> {
    if (query.after !== undefined && query.before !== undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Give after or before, not both.', {
        errors: [{ field: 'before', message: 'cannot be combined with after' }],
      });
    }
    const limit = pageLimit(query);
    const backward = query.before !== undefined;
    const cursor = (backward ? query.before : query.after) || null;
    const window = (bound: string | number | null): HistoryWindow => ({
      direction: backward ? 'backward' : 'forward',
      bound,
      take: limit + 1,
      context,
    });
    let result: HistoryRows;
    let key: (row: MessageRow & { depth?: number }) => string;
    if (query.leaf && Object.keys(context).length) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'Give leaf or a context filter, not both.',
        {
          errors: [{ field: 'leaf', message: 'cannot be combined with context filters' }],
        },
      );
    }
    if (query.leaf) {
      result = await this.reads.branchPage(
        conversationId,
        scope,
        query.leaf,
        window(cursor ? cursors.depth(cursor) : null),
      );
      key = (r) => cursors.encode('leaf', r.depth!);
    } else {
      result = await this.reads.page(
        conversationId,
        scope,
        window(cursor ? cursors.id(cursor, 'message') : null),
      );
      key = (r) => cursors.encode('message', r.id);
    }
    if (!result.found) throw DomainError.notFound(query.leaf ? 'Message' : 'Conversation');
    const kept = result.rows.slice(0, limit);
    const last = kept.at(-1);
    const next = result.rows.length > limit && last ? key(last) : null;
    if (backward) kept.reverse();
    return { data: kept.map(map), next_cursor: next };
  }
}
