import type { ContextFilter } from './context-filter.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/database/pg-errors.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { FieldError } from '../../platform/http/problem.js';
import { contentHash } from './content-hash.js';
import { ConversationsRepository } from './conversations.repository.js';
import type { AppendBatchDto, AppendMessageDto } from './dto/message.dto.js';
import { MessageBatchRepository } from './message-batch.repository.js';
import { MessagesRepository, type MessageRow, type NewMessage } from './messages.repository.js';

export interface Appended {
  row: MessageRow;
  created: boolean;
}

/** What a replay must repeat: everything but metadata. */
function contentOf(dto: AppendMessageDto): unknown {
  const { metadata: _metadata, ...content } = dto;
  return content;
}

function problems(dto: AppendMessageDto, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (
    dto.content === undefined &&
    dto.parts === undefined &&
    dto.tool_name === undefined &&
    dto.tool_output === undefined
  ) {
    errors.push({
      field: `${prefix}content`,
      message: 'a message needs content, parts, or a tool call or result',
    });
  }
  if (dto.parent_id !== undefined && dto.parent_message_id !== undefined) {
    errors.push({
      field: `${prefix}parent_message_id`,
      message: 'give parent_id or parent_message_id, not both',
    });
  }
  return errors;
}

function invalid(errors: FieldError[]): DomainError {
  return new DomainError(
    ErrorCode.ValidationFailed,
    errors.length === 1
      ? `${errors[0]!.field}: ${errors[0]!.message}`
      : `${errors.length} fields are invalid`,
    { errors },
  );
}

function toNew(conversationId: string, dto: AppendMessageDto): NewMessage {
  return {
    id: uuidv7(),
    conversationId,
    chatSessionId: dto.session_id ?? null,
    messageId: dto.message_id,
    parentId: dto.parent_id ?? null,
    role: dto.role,
    content: dto.content ?? null,
    parts: dto.parts ?? null,
    toolName: dto.tool_name ?? null,
    toolCallId: dto.tool_call_id ?? null,
    toolInput: dto.tool_input ?? null,
    toolOutput: dto.tool_output ?? null,
    citations: dto.citations ?? null,
    context: dto.context ?? null,
    metadata: dto.metadata ?? {},
    contentHash: contentHash(contentOf(dto)),
  };
}

/** Appending (one or a batch, idempotent on message_id), votes, and clearing history. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: MessagesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly batch: MessageBatchRepository,
  ) {}

  async append(userId: string, conversationId: string, dto: AppendMessageDto): Promise<Appended> {
    const errors = problems(dto, '');
    if (errors.length) throw invalid(errors);
    return this.appendOne(userId, toNew(conversationId, dto), dto.parent_message_id, '');
  }

  /** All or nothing: the first failing message rolls back the batch and is named by index. */
  async appendBatch(
    userId: string,
    conversationId: string,
    dto: AppendBatchDto,
  ): Promise<Appended[]> {
    const errors = dto.messages.flatMap((m, i) => problems(m, `messages.${i}.`));
    if (errors.length) throw invalid(errors);
    const rows = dto.messages.map((m) => toNew(conversationId, m));
    const parents = dto.messages.map((m) => m.parent_message_id);
    // Parents named by client key earlier in the batch: the ids are ours, no lookup needed.
    const ids = new Map<string, string>();
    let resolved = true;
    for (const [i, row] of rows.entries()) {
      const known = parents[i] === undefined ? undefined : ids.get(parents[i]!);
      if (known) row.parentId = known;
      else if (parents[i] !== undefined) resolved = false;
      ids.set(row.messageId, row.id);
    }
    if (resolved) {
      const created = await this.appendAllNew(userId, conversationId, rows);
      if (created) return created.map((row) => ({ row, created: true }));
    }
    return this.appendOneByOne(userId, conversationId, rows, parents);
  }

  /** The common case in one statement; null when the batch needs the per-message path. */
  private async appendAllNew(
    userId: string,
    conversationId: string,
    rows: NewMessage[],
  ): Promise<MessageRow[] | null> {
    try {
      const inserted = await this.batch.appendAllNew(userId, conversationId, rows);
      return inserted.length === rows.length ? inserted : null;
    } catch (err) {
      // A key already taken (a replay, or a conflict) or a vanished reference: explained one by one.
      if (isUniqueViolation(err) || isForeignKeyViolation(err)) return null;
      throw err;
    }
  }

  private appendOneByOne(
    userId: string,
    conversationId: string,
    rows: NewMessage[],
    parents: (string | undefined)[],
  ): Promise<Appended[]> {
    return this.db.transaction(async (manager) => {
      const out: Appended[] = [];
      // Earlier messages of the batch may be replays: their stored ids are the parents now.
      const ids = new Map<string, string>();
      for (const [i, row] of rows.entries()) {
        const parent = parents[i];
        const known = parent === undefined ? undefined : ids.get(parent);
        row.parentId = known ?? (parent === undefined ? row.parentId : null);
        const last = i === rows.length - 1;
        const result = await this.appendOne(
          userId,
          row,
          known ? undefined : parent,
          `messages.${i}.`,
          manager,
          last,
        );
        ids.set(result.row.message_id, result.row.id);
        out.push(result);
      }
      // The activity bump rides on the last insert; a batch ending in replays still moved.
      if (!out.at(-1)!.created && out.some((r) => r.created)) {
        await this.conversations.touchActivity(conversationId, manager);
      }
      return out;
    });
  }

  private async appendOne(
    userId: string,
    m: NewMessage,
    parentMessageId: string | undefined,
    prefix: string,
    manager?: EntityManager,
    bump = true,
  ): Promise<Appended> {
    if (parentMessageId !== undefined) {
      m.parentId = await this.messages.idOfMessageId(m.conversationId, parentMessageId, manager);
      if (!m.parentId) {
        await this.assertOwned(userId, m.conversationId, manager);
        throw invalid([
          { field: `${prefix}parent_message_id`, message: 'no such item in this conversation' },
        ]);
      }
    }
    let inserted: MessageRow | null;
    try {
      inserted = await this.messages.appendIfAbsent(userId, m, manager, bump);
    } catch (err) {
      // The conversation was erased between the owner check and the foreign key check.
      if (isForeignKeyViolation(err)) throw DomainError.notFound('Conversation');
      throw err;
    }
    if (inserted) return { row: inserted, created: true };
    // Nothing inserted: find out why, owner first so that nothing leaks about others' data.
    await this.assertOwned(userId, m.conversationId, manager);
    const existing = await this.messages.findByMessageId(m.conversationId, m.messageId, manager);
    if (existing) {
      if (existing.content_hash === m.contentHash) return { row: existing, created: false };
      throw new DomainError(
        ErrorCode.Conflict,
        `message_id "${m.messageId}" already holds a different message in this conversation.`,
        {
          errors: [
            { field: `${prefix}message_id`, message: 'already used with different content' },
          ],
        },
      );
    }
    const field =
      m.chatSessionId && !(await this.sessionBelongs(m, manager)) ? 'session_id' : 'parent_id';
    throw invalid([{ field: `${prefix}${field}`, message: 'no such item in this conversation' }]);
  }

  private async assertOwned(
    userId: string,
    conversationId: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (!(await this.conversations.findOwned(conversationId, userId, manager))) {
      throw DomainError.notFound('Conversation');
    }
  }

  private async sessionBelongs(m: NewMessage, manager?: EntityManager): Promise<boolean> {
    const rows = (await (manager ?? this.db.manager).query(
      `SELECT 1 FROM app.chat_sessions WHERE id = $1 AND conversation_id = $2`,
      [m.chatSessionId, m.conversationId],
    )) as unknown[];
    return rows.length > 0;
  }

  async vote(
    userId: string,
    conversationId: string,
    messageRef: string,
    value: string,
  ): Promise<{ message_id: string; value: string; updated_at: Date }> {
    const vote = await this.messages.upsertVote(conversationId, userId, messageRef, value);
    if (!vote) throw DomainError.notFound('Message');
    return vote;
  }

  /**
   * Idempotent for a message of the caller's conversation (no vote is already
   * the goal); a message that is not in it answers 404, like any id the caller
   * may not see.
   */
  async unvote(userId: string, conversationId: string, messageRef: string): Promise<void> {
    if (!(await this.conversations.findOwned(conversationId, userId))) {
      throw DomainError.notFound('Conversation');
    }
    if (!(await this.messages.deleteVote(conversationId, userId, messageRef))) {
      throw DomainError.notFound('Message');
    }
  }

  /** The whole history, or with a context filter only the messages it matches. */
  async clear(
    userId: string,
    conversationId: string,
    context: ContextFilter = {},
  ): Promise<Record<string, number>> {
    return this.db.transaction(async (manager) => {
      if (!(await this.conversations.lockOwned(conversationId, userId, manager))) {
        throw DomainError.notFound('Conversation');
      }
      const { messages, votes } = Object.keys(context).length
        ? await this.messages.deleteByContext(conversationId, context, manager)
        : await this.messages.deleteByConversation(conversationId, manager);
      return { 'app.messages': messages, 'app.message_votes': votes };
    });
  }
}
