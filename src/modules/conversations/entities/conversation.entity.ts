import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

export enum ConversationType {
  General = 'general',
  Incident = 'incident',
}

export enum Visibility {
  Private = 'private',
  Public = 'public',
}

/** One thread of a user: the chat of seed 000, the conversation of 001, the thread of 002. */
@Entity({ schema: 'app', name: 'conversations' })
// "Mine, newest activity first" is a backward scan of this index, with id as the tie-breaker.
@Index('ix_conversations_user_activity', ['userId', 'lastActivityAt', 'id'])
export class Conversation {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 300, nullable: true })
  title: string | null;

  @Column('varchar', { length: 16, default: ConversationType.General })
  type: ConversationType;

  @Column('varchar', { length: 16, default: Visibility.Private })
  visibility: Visibility;

  /** Rolling summary the agent (or the memory worker) keeps current. */
  @Column('text', { nullable: true })
  summary: string | null;

  /** When the summary was true: a late, older summary from the memory worker must not win. */
  @Column('timestamptz', { nullable: true })
  summaryAsOf: Date | null;

  /** The active assistant persona (seed 001's current monster). */
  @Column('varchar', { length: 64, nullable: true })
  persona: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  metadata: Record<string, unknown>;

  /** The model's last usage report for this thread (seed 000's lastContext). */
  @Column('jsonb', { nullable: true })
  usageContext: Record<string, unknown> | null;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Moves on every append, unlike updatedAt which follows edits of the conversation itself. */
  @Column('timestamptz', { default: () => 'now()' })
  lastActivityAt: Date;
}
