import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MessagePart, MessageRole } from './entities/message.entity.js';

/** A messages row as PostgreSQL returns it: the shape history reads map from. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  chat_session_id: string | null;
  message_id: string;
  parent_id: string | null;
  role: MessageRole;
  content: string | null;
  parts: MessagePart[] | null;
  tool_name: string | null;
  tool_call_id: string | null;
  tool_input: unknown;
  tool_output: unknown;
  citations: unknown[] | null;
  context: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  content_hash: string;
  created_at: Date;
}

export interface NewMessage {
  id: string;
  conversationId: string;
  chatSessionId: string | null;
  messageId: string;
  parentId: string | null;
  parentMessageId: string | null;
  role: MessageRole;
  content: string | null;
  parts: MessagePart[] | null;
  toolName: string | null;
  toolCallId: string | null;
  toolInput: unknown;
  toolOutput: unknown;
  citations: unknown[] | null;
  context: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  contentHash: string;
}

export const MESSAGE_COLUMNS =
  'id, conversation_id, chat_session_id, message_id, parent_id, role, content, parts, tool_name, tool_call_id, tool_input, tool_output, citations, context, metadata, content_hash, created_at';

/** JSON columns go as text: pg would send a JS array as a PostgreSQL array. */
const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * Inserts unless the conversation already holds this `message_id`, in one
 * statement: the owner check, the parent and session checks, the insert and
 * the activity bump. The unique index decides races, never a prior read.
 */
const APPEND_SQL = `
WITH conv AS (
  SELECT id FROM app.conversations WHERE id = $1::uuid AND user_id = $2::uuid
), parent AS (
  SELECT coalesce($5::uuid, (
    SELECT p.id FROM app.messages p WHERE p.conversation_id = $1::uuid AND p.message_id = $6::varchar
  )) AS id
), ins AS (
  INSERT INTO app.messages (id, conversation_id, chat_session_id, message_id, parent_id, role, content,
    parts, tool_name, tool_call_id, tool_input, tool_output, citations, context, metadata, content_hash)
  SELECT $3::uuid, conv.id, $4::uuid, $7::varchar, parent.id, $8::varchar, $9::text, $10::jsonb,
    $11::varchar, $12::varchar, $13::jsonb, $14::jsonb, $15::jsonb, $16::jsonb, $17::jsonb, $18::varchar
  FROM conv, parent
  WHERE ($4::uuid IS NULL OR EXISTS (
      SELECT 1 FROM app.chat_sessions s WHERE s.id = $4::uuid AND s.conversation_id = conv.id))
    AND (($5::uuid IS NULL AND $6::varchar IS NULL) OR EXISTS (
      SELECT 1 FROM app.messages p WHERE p.id = parent.id AND p.conversation_id = conv.id))
  ON CONFLICT (conversation_id, message_id) DO NOTHING
  RETURNING ${MESSAGE_COLUMNS}
), bump AS (
  UPDATE app.conversations c SET last_activity_at = now() FROM ins WHERE c.id = ins.conversation_id
)
SELECT * FROM ins`;

@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private q(manager?: EntityManager): EntityManager {
    return manager ?? this.db.manager;
  }

  /** The inserted row, or null when the key exists, the conversation is not the owner's, or a reference is invalid. */
  async appendIfAbsent(
    ownerId: string,
    m: NewMessage,
    manager?: EntityManager,
  ): Promise<MessageRow | null> {
    const rows = (await this.q(manager).query(APPEND_SQL, [
      m.conversationId,
      ownerId,
      m.id,
      m.chatSessionId,
      m.parentId,
      m.parentMessageId,
      m.messageId,
      m.role,
      m.content,
      json(m.parts),
      m.toolName,
      m.toolCallId,
      json(m.toolInput),
      json(m.toolOutput),
      json(m.citations),
      json(m.context),
      json(m.metadata),
      m.contentHash,
    ])) as MessageRow[];
    return rows[0] ?? null;
  }

  async findByMessageId(
    conversationId: string,
    messageId: string,
    manager?: EntityManager,
  ): Promise<MessageRow | null> {
    const rows = (await this.q(manager).query(
      `SELECT ${MESSAGE_COLUMNS} FROM app.messages WHERE conversation_id = $1 AND message_id = $2`,
      [conversationId, messageId],
    )) as MessageRow[];
    return rows[0] ?? null;
  }

  /** Votes first, then messages, so the receipt can count each. */
  async deleteByConversation(
    conversationId: string,
    manager: EntityManager,
  ): Promise<{ messages: number; votes: number }> {
    const votes = (await manager.query(
      `DELETE FROM app.message_votes v USING app.messages m
       WHERE v.message_id = m.id AND m.conversation_id = $1 RETURNING 1`,
      [conversationId],
    )) as unknown[][];
    const messages = (await manager.query(
      `DELETE FROM app.messages WHERE conversation_id = $1 RETURNING 1`,
      [conversationId],
    )) as unknown[][];
    return { messages: rowCount(messages), votes: rowCount(votes) };
  }

  /** Upserts the owner's vote on a message of their conversation (by client message_id or id). */
  async upsertVote(
    conversationId: string,
    ownerId: string,
    messageRef: string,
    value: string,
  ): Promise<{ message_id: string; value: string; updated_at: Date } | null> {
    const rows = (await this.db.query(
      `WITH target AS (
         SELECT m.id FROM app.messages m JOIN app.conversations c ON c.id = m.conversation_id
         WHERE c.id = $1 AND c.user_id = $2 AND (m.message_id = $3 OR m.id::text = lower($3))
         ORDER BY (m.message_id = $3) DESC LIMIT 1
       )
       INSERT INTO app.message_votes (message_id, user_id, value)
       SELECT target.id, $2, $4 FROM target
       ON CONFLICT (message_id, user_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       RETURNING message_id, value, updated_at`,
      [conversationId, ownerId, messageRef, value],
    )) as { message_id: string; value: string; updated_at: Date }[];
    return rows[0] ?? null;
  }

  async deleteVote(conversationId: string, ownerId: string, messageRef: string): Promise<void> {
    await this.db.query(
      `DELETE FROM app.message_votes v USING app.messages m
       WHERE v.message_id = m.id AND v.user_id = $2 AND m.conversation_id = $1
         AND (m.message_id = $3 OR m.id::text = lower($3))`,
      [conversationId, ownerId, messageRef],
    );
  }
}

/** `RETURNING 1` rows come back as a [rows, count] pair from TypeORM's postgres driver on DELETE. */
export function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
