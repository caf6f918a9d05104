import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Conversation } from './conversation.entity.js';

/** One run of the agent inside a conversation; its id is the agent's thread id (seed 001). */
@Entity({ schema: 'app', name: 'chat_sessions' })
@Index('ix_chat_sessions_conversation', ['conversationId', 'id'])
export class ChatSession {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
