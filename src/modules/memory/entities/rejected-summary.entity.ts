import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/**
 * A summary the memory lake accepted but can never store (its text cannot be
 * stored, or consent was missing by the time it was written): kept here, with
 * why, rather than dropped without a trace. One row per summary job id.
 */
@Entity({ schema: 'memory', name: 'rejected_summaries' })
@Index('ix_rejected_summaries_user', ['userId'])
export class RejectedSummary {
  @PrimaryColumn('varchar', { length: 255 })
  jobId: string;

  @Column('uuid')
  userId: string;

  // Erasing the user erases these too.
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** No foreign key: the conversation may be gone, which is one reason for a rejection. */
  @Column('uuid')
  conversationId: string;

  @Column('timestamptz')
  asOf: Date;

  @Column('text')
  reason: string;

  /**
   * The summary as a JSON string literal (so a NUL or a lone surrogate is kept
   * escaped); null when it may not be kept, e.g. a minor's without consent.
   */
  @Column('text', { nullable: true })
  summaryJson: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  rejectedAt: Date;
}
