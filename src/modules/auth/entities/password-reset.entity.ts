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

/** A single-use, expiring reset token, stored as its SHA-256. */
@Entity({ schema: 'app', name: 'password_reset_tokens' })
@Index('uq_password_reset_tokens_hash', ['tokenHash'], { unique: true })
export class PasswordResetToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}

/** Every reset attempt, to limit guessing per client address. */
@Entity({ schema: 'app', name: 'password_reset_attempts' })
@Index('ix_password_reset_attempts_ip', ['ip', 'createdAt'])
export class PasswordResetAttempt {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 64 })
  ip: string;

  @Column('boolean')
  succeeded: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
