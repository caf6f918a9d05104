import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Conversation } from './conversation.entity.js';

/** Per-thread model settings (seed 002); a null field falls back to the agent's defaults. */
@Entity({ schema: 'app', name: 'conversation_configs' })
export class ConversationConfig {
  @PrimaryColumn('uuid')
  conversationId: string;

  @OneToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column('varchar', { length: 200, nullable: true })
  model: string | null;

  @Column('double precision', { nullable: true })
  temperature: number | null;

  @Column('text', { nullable: true })
  systemPrompt: string | null;

  @Column('integer', { nullable: true })
  contextWindow: number | null;

  @Column('jsonb', { default: () => "'{}'" })
  settings: Record<string, unknown>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
