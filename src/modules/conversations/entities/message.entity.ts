import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { ChatSession } from './chat-session.entity.js';
import { Conversation } from './conversation.entity.js';

export enum MessageRole {
  User = 'user',
  Assistant = 'assistant',
  System = 'system',
  Tool = 'tool',
}

/** A part of a structured message; only `text` parts are searched. */
export interface MessagePart {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/**
 * One message. Ids are UUIDv7, so `(conversation_id, id)` is the history order
 * and the keyset. `message_id` is the client's idempotency key.
 */
@Entity({ schema: 'app', name: 'messages' })
@Index('uq_messages_conversation_message_id', ['conversationId', 'messageId'], { unique: true })
@Index('ix_messages_conversation_id', ['conversationId', 'id'])
// The self-reference needs an index or deleting a history checks every row per row.
@Index('ix_messages_parent', ['parentId'], { where: 'parent_id IS NOT NULL' })
// Expression GIN index over the searchable text, created by hand in the migration:
// TypeORM cannot describe it, and must not drop it.
@Index('ix_messages_search', { synchronize: false })
// GIN (jsonb_path_ops) over context where there is one, for `context @>` history filters; by hand.
@Index('ix_messages_context', { synchronize: false })
export class Message {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column('uuid', { nullable: true })
  chatSessionId: string | null;

  @ManyToOne(() => ChatSession, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'chat_session_id' })
  chatSession?: ChatSession;

  @Column('varchar', { length: 200 })
  messageId: string;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Message;

  @Column('varchar', { length: 16 })
  role: MessageRole;

  @Column('text', { nullable: true })
  content: string | null;

  @Column('jsonb', { nullable: true })
  parts: MessagePart[] | null;

  @Column('varchar', { length: 200, nullable: true })
  toolName: string | null;

  @Column('varchar', { length: 200, nullable: true })
  toolCallId: string | null;

  @Column('jsonb', { nullable: true })
  toolInput: unknown;

  @Column('jsonb', { nullable: true })
  toolOutput: unknown;

  @Column('jsonb', { nullable: true })
  citations: unknown[] | null;

  /** Where the message was said, e.g. seed 004's textbook chapter. */
  @Column('jsonb', { nullable: true })
  context: Record<string, unknown> | null;

  /** Tokens, costs, trace ids: not part of what a replay must repeat. */
  @Column('jsonb', { default: () => "'{}'" })
  metadata: Record<string, unknown>;

  /** sha256 of the canonical content: a replay with another body is a conflict. */
  @Column('varchar', { length: 64 })
  contentHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
