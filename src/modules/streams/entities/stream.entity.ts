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

export enum StreamStatus {
  Open = 'open',
  Completed = 'completed',
}

/**
 * A resumable stream of an assistant response. The record lives here; its
 * chunks live in Redis (or in process memory in the embedded default) and
 * expire some time after completion.
 */
@Entity({ schema: 'app', name: 'streams' })
@Index('ix_streams_conversation', ['conversationId', 'id'])
export class Stream {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  // Erasing a conversation takes its streams with it.
  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  /** Copied from the conversation so that ownership is one indexed lookup. */
  @Column('uuid')
  userId: string;

  @Column('varchar', { length: 16, default: StreamStatus.Open })
  status: StreamStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;
}
