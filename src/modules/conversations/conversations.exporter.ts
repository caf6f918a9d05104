import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetRows, type KeysetQuery } from '../../platform/database/keyset-rows.js';
import { UserExporter, type ExportContext } from '../lifecycle/export/user-exporter.decorator.js';

type Row = { id: string };
const byId = { orderBy: 'x.id', cursor: (r: Row) => r.id } as const;
const OWN_CONVERSATION = `x.conversation_id IN (SELECT id FROM app.conversations WHERE user_id = $1)`;

/** Conversations (with their settings), their chat sessions and messages, votes and feedback. */
@Injectable()
export class ConversationsExporter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private rows(userId: string, q: Omit<KeysetQuery<Row>, 'orderBy' | 'cursor'>) {
    return keysetRows<Row>(this.db, userId, { ...q, ...byId });
  }

  @UserExporter('conversations')
  conversations({ userId }: ExportContext): AsyncIterable<unknown> {
    return this.rows(userId, {
      select: `x.id, x.title, x.type, x.visibility, x.summary, x.summary_as_of, x.persona,
               x.metadata, x.usage_context, x.archived_at, x.created_at, x.updated_at,
               x.last_activity_at,
               (SELECT to_jsonb(c) - 'conversation_id' FROM app.conversation_configs c
                 WHERE c.conversation_id = x.id) AS config`,
      from: 'app.conversations x',
      where: 'x.user_id = $1',
    });
  }

  @UserExporter('chat_sessions')
  chatSessions({ userId }: ExportContext): AsyncIterable<unknown> {
    return this.rows(userId, {
      select: 'x.id, x.conversation_id, x.created_at',
      from: 'app.chat_sessions x',
      where: OWN_CONVERSATION,
    });
  }

  @UserExporter('messages')
  messages({ userId }: ExportContext): AsyncIterable<unknown> {
    return this.rows(userId, {
      select: `x.id, x.conversation_id, x.chat_session_id, x.message_id, x.parent_id, x.role,
               x.content, x.parts, x.tool_name, x.tool_call_id, x.tool_input, x.tool_output,
               x.citations, x.context, x.metadata, x.created_at`,
      from: 'app.messages x',
      where: OWN_CONVERSATION,
      pageSize: 1000,
    });
  }

  @UserExporter('message_votes')
  votes({ userId }: ExportContext): AsyncIterable<unknown> {
    return keysetRows<{ message_id: string }>(this.db, userId, {
      select: 'x.message_id, x.value, x.created_at, x.updated_at',
      from: 'app.message_votes x',
      where: 'x.user_id = $1',
      orderBy: 'x.message_id',
      cursor: (r) => r.message_id,
    });
  }

  @UserExporter('feedback')
  feedback({ userId }: ExportContext): AsyncIterable<unknown> {
    return this.rows(userId, {
      select: 'x.id, x.session_id, x.rating, x.comment, x.is_positive, x.created_at',
      from: 'app.feedback x',
      where: 'x.user_id = $1',
    });
  }
}
