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
import { User } from '../../users/entities/user.entity.js';

/**
 * What the agent extracted from a conversation at one point (seed 001's
 * ConversationAnalytics). Each analysis is a row of its own; it goes with its
 * conversation and with its owner.
 */
@Entity({ schema: 'app', name: 'conversation_analytics' })
@Index('ix_conversation_analytics_created', ['createdAt'])
@Index('ix_conversation_analytics_conversation', ['conversationId'])
@Index('ix_conversation_analytics_owner', ['ownerId'])
export class ConversationAnalytics {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column('uuid')
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column('varchar', { length: 64 })
  mood: string;

  @Column('varchar', { length: 64 })
  strategy: string;

  @Column('text')
  summary: string;

  @Column('varchar', { length: 64 })
  chatbotVersion: string;

  @Column('varchar', { length: 35 })
  language: string;

  /** The message the agent judged bullying, quoted; null when none was. */
  @Column('text', { nullable: true })
  bullyingMessage: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** The four categorization tables share a shape: a category label of one analysis. */
function categorized(name: string) {
  @Index(`ix_${name}_analytics`, ['analyticsId'])
  class Categorized {
    @PrimaryColumn('uuid')
    id: string;

    @Column('uuid')
    analyticsId: string;

    @ManyToOne(() => ConversationAnalytics, { onDelete: 'CASCADE' })
    @JoinColumn({ name: 'analytics_id' })
    analytics?: ConversationAnalytics;

    @Column('varchar', { length: 64 })
    category: string;
  }
  return Categorized;
}

@Entity({ schema: 'app', name: 'conversation_messages_categorized' })
export class ConversationMessageCategory extends categorized('conversation_messages_categorized') {}

@Entity({ schema: 'app', name: 'conversation_moods_categorized' })
export class ConversationMoodCategory extends categorized('conversation_moods_categorized') {}

@Entity({ schema: 'app', name: 'conversation_strategies_categorized' })
export class ConversationStrategyCategory extends categorized(
  'conversation_strategies_categorized',
) {}

@Entity({ schema: 'app', name: 'conversation_answer_types_categorized' })
export class ConversationAnswerTypeCategory extends categorized(
  'conversation_answer_types_categorized',
) {}

export const ANALYTICS_ENTITIES = [
  ConversationAnalytics,
  ConversationMessageCategory,
  ConversationMoodCategory,
  ConversationStrategyCategory,
  ConversationAnswerTypeCategory,
];
