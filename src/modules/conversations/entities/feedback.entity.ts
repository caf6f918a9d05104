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
 * Feedback on the app or on one chat session (seeds 000 and 001). `session_id`
 * deliberately has no foreign key: it may name an agent thread Parley never stored.
 */
@Entity({ schema: 'app', name: 'feedback' })
@Index('ix_feedback_user', ['userId', 'createdAt'])
@Index('ix_feedback_session', ['sessionId'])
export class Feedback {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @Column('smallint', { nullable: true })
  rating: number | null;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('boolean', { nullable: true })
  isPositive: boolean | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
