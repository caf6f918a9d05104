import { Injectable } from '@nestjs/common';
import { conversationById } from './conversation-by-id.js';
import { json, MESSAGE_COLUMNS, type MessageRow, type NewMessage } from './messages.repository.js';
import { PreparedStatements } from './prepared-statements.js';

/**
 * A whole batch of new messages in one autocommitted statement, all or none:
 * the conversation must be the owner's, every session and parent must belong
 * to it (or, for parents, to the batch), and any message_id already taken
 * raises a unique violation. Whatever it cannot take whole (replays, conflicts,
 * bad references) it leaves untouched for the per-message path to explain.
 */
const APPEND_BATCH_SQL = `
WITH v AS (
  SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::varchar[], $6::uuid[], $7::varchar[], $8::text[],
    $9::jsonb[], $10::varchar[], $11::varchar[], $12::jsonb[], $13::jsonb[], $14::jsonb[],
    $15::jsonb[], $16::jsonb[], $17::varchar[]) WITH ORDINALITY
    AS v(id, chat_session_id, message_id, parent_id, role, content, parts, tool_name, tool_call_id,
      tool_input, tool_output, citations, context, metadata, content_hash, ord)
), ins AS (
  INSERT INTO app.messages (id, conversation_id, chat_session_id, message_id, parent_id, role, content,
    parts, tool_name, tool_call_id, tool_input, tool_output, citations, context, metadata, content_hash)
  SELECT v.id, c.id, v.chat_session_id, v.message_id, v.parent_id, v.role, v.content, v.parts,
    v.tool_name, v.tool_call_id, v.tool_input, v.tool_output, v.citations, v.context, v.metadata,
    v.content_hash
  FROM ${conversationById('$1')} c CROSS JOIN v
  WHERE c.user_id = $2::uuid
    AND NOT EXISTS (
      SELECT 1 FROM v bad
      WHERE (bad.chat_session_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM app.chat_sessions s
          WHERE s.id = bad.chat_session_id AND s.conversation_id = c.id))
        OR (bad.parent_id IS NOT NULL AND NOT bad.parent_id = ANY($3::uuid[]) AND NOT EXISTS (
          SELECT 1 FROM app.messages p WHERE p.id = bad.parent_id AND p.conversation_id = c.id)))
  ORDER BY v.ord
  RETURNING ${MESSAGE_COLUMNS}
), bump AS (
  UPDATE app.conversations SET last_activity_at = now()
  WHERE id = $1::uuid AND EXISTS (SELECT 1 FROM ins)
)
SELECT * FROM ins`;

@Injectable()
export class MessageBatchRepository {
  constructor(private readonly prepared: PreparedStatements) {}

  /** Every row, in batch order, or none at all. */
  async appendAllNew(
    ownerId: string,
    conversationId: string,
    rows: NewMessage[],
  ): Promise<MessageRow[]> {
    const column = <T>(pick: (m: NewMessage) => T) => rows.map(pick);
    const inserted = await this.prepared.query<MessageRow>('append_batch', APPEND_BATCH_SQL, [
      conversationId,
      ownerId,
      column((m) => m.id),
      column((m) => m.chatSessionId),
      column((m) => m.messageId),
      column((m) => m.parentId),
      column((m) => m.role),
      column((m) => m.content),
      column((m) => json(m.parts)),
      column((m) => m.toolName),
      column((m) => m.toolCallId),
      column((m) => json(m.toolInput)),
      column((m) => json(m.toolOutput)),
      column((m) => json(m.citations)),
      column((m) => json(m.context)),
      column((m) => json(m.metadata)),
      column((m) => m.contentHash),
    ]);
    const order = new Map(rows.map((m, i) => [m.id, i]));
    return inserted.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
}
