import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Conversation } from '../../conversations/entities/conversation.entity.js';
import { Message } from '../../conversations/entities/message.entity.js';

/**
 * A chart of a conversation (seed 000's Chart): a JSON specification (Vega-Lite,
 * an MCP chart tool's output), optionally tied to the message that produced it.
 */
@Entity({ schema: 'app', name: 'charts' })
@Index('ix_charts_conversation', ['conversationId', 'id'])
@Index('ix_charts_message', ['messageId'], { where: 'message_id IS NOT NULL' })
export class Chart {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  // A backstop: erasure deletes and counts these rows itself.
  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  /** The message (server id) it belongs to; a message cleared from history leaves the chart. */
  @Column('uuid', { nullable: true })
  messageId: string | null;

  @ManyToOne(() => Message, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;

  @Column('varchar', { length: 300 })
  title: string;

  @Column('jsonb')
  spec: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
