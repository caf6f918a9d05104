import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { conversationById } from './conversation-by-id.js';
import type { MessagePart, MessageRole } from './entities/message.entity.js';
import { PreparedStatements } from './prepared-statements.js';

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
export const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * Inserts unless the conversation already holds this `message_id`, in one
 * statement: the owner check, the session and parent checks (only the ones the
 * message needs, so each variant stays small to plan), the insert and the
 * activity bump. The unique index decides races, never a prior read.
 */
function appendSql(session: boolean, parent: boolean): string {
  return `
WITH ins AS (
  INSERT INTO app.messages (id, conversation_id, chat_session_id, message_id, parent_id, role, content,
    parts, tool_name, tool_call_id, tool_input, tool_output, citations, context, metadata, content_hash)
  SELECT $1::uuid, c.id, $3::uuid, $4::varchar, $5::uuid, $6::varchar, $7::text, $8::jsonb,
    $9::varchar, $10::varchar, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $15::jsonb, $16::varchar
  FROM ${conversationById('$2')} c
  WHERE c.user_id = $17::uuid${
    session
      ? `
    AND EXISTS (SELECT 1 FROM app.chat_sessions s WHERE s.id = $3::uuid AND s.conversation_id = c.id)`
      : ''
  }${
    parent
      ? `
    AND EXISTS (SELECT 1 FROM app.messages p WHERE p.id = $5::uuid AND p.conversation_id = c.id)`
      : ''
  }
  ON CONFLICT (conversation_id, message_id) DO NOTHING
  RETURNING ${MESSAGE_COLUMNS}
), bump AS (
  UPDATE app.conversations SET last_activity_at = now()
  WHERE id = $2::uuid AND $18::boolean AND EXISTS (SELECT 1 FROM ins)
)
SELECT * FROM ins`;
}

const APPEND = [false, true].flatMap((session) =>
  [false, true].map((parent) => ({
    name: `append_message_${Number(session)}${Number(parent)}`,
    text: appendSql(session, parent),
  })),
);

@Injectable()
export class MessagesRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedStatements,
  ) {}

  private q(manager?: EntityManager): EntityManager {
    return manager ?? this.db.manager;
  }

  /** The inserted row, or null when the key exists, the conversation is not the owner's, or a reference is invalid. */
  async appendIfAbsent(
    ownerId: string,
    m: NewMessage,
    manager?: EntityManager,
    bumpActivity = true,
  ): Promise<MessageRow | null> {
    const statement = APPEND[(m.chatSessionId ? 2 : 0) + (m.parentId ? 1 : 0)]!;
    const rows = await this.prepared.query<MessageRow>(
      statement.name,
      statement.text,
      [
        m.id,
        m.conversationId,
        m.chatSessionId,
        m.messageId,
        m.parentId,
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
        ownerId,
        bumpActivity,
      ],
      manager,
    );
    return rows[0] ?? null;
  }

  /** The id of a message by its client key, to resolve a parent named that way. */
  async idOfMessageId(
    conversationId: string,
    messageId: string,
    manager?: EntityManager,
  ): Promise<string | null> {
    const rows = (await this.q(manager).query(
      `SELECT id FROM app.messages WHERE conversation_id = $1 AND message_id = $2`,
      [conversationId, messageId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
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

  /**
   * Deletes the messages whose context contains `context`. Parent links cascade,
   * so a surviving message whose parent goes is first re-attached to its nearest
   * surviving ancestor (or becomes a root): only the matching messages go.
   */
  async deleteByContext(
    conversationId: string,
    context: Record<string, string>,
    manager: EntityManager,
  ): Promise<{ messages: number; votes: number }> {
    const filter = JSON.stringify(context);
    await manager.query(
      `WITH RECURSIVE doomed AS (
         SELECT id, parent_id FROM app.messages WHERE conversation_id = $1 AND context @> $2::jsonb
       ), up AS (
         SELECT m.id AS child, d.parent_id AS ancestor
         FROM app.messages m JOIN doomed d ON d.id = m.parent_id
         WHERE m.conversation_id = $1 AND NOT coalesce(m.context @> $2::jsonb, false)
         UNION ALL
         SELECT up.child, d.parent_id FROM up JOIN doomed d ON d.id = up.ancestor
       )
       UPDATE app.messages m SET parent_id = up.ancestor FROM up
       WHERE m.id = up.child
         AND (up.ancestor IS NULL OR NOT EXISTS (SELECT 1 FROM doomed d WHERE d.id = up.ancestor))`,
      [conversationId, filter],
    );
    const votes = (await manager.query(
      `DELETE FROM app.message_votes v USING app.messages m
       WHERE v.message_id = m.id AND m.conversation_id = $1 AND m.context @> $2::jsonb RETURNING 1`,
      [conversationId, filter],
    )) as unknown[][];
    const messages = (await manager.query(
      `DELETE FROM app.messages WHERE conversation_id = $1 AND context @> $2::jsonb RETURNING 1`,
      [conversationId, filter],
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

  /** Removes the caller's vote on a message of the conversation; false when there is no such message. */
  async deleteVote(conversationId: string, ownerId: string, messageRef: string): Promise<boolean> {
    const rows = (await this.db.query(
      `WITH target AS (
         SELECT m.id FROM app.messages m
         WHERE m.conversation_id = $1 AND (m.message_id = $3 OR m.id::text = lower($3))
       ), removed AS (
         DELETE FROM app.message_votes v USING target
         WHERE v.message_id = target.id AND v.user_id = $2
       )
       SELECT count(*)::int AS n FROM target`,
      [conversationId, ownerId, messageRef],
    )) as { n: number }[];
    return (rows[0]?.n ?? 0) > 0;
  }
}

/** `RETURNING 1` rows come back as a [rows, count] pair from TypeORM's postgres driver on DELETE. */
export function rowCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
