import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AppSession } from './app-session.entity.js';

/**
 * An opaque refresh token, stored as its SHA-256. Every token of a session is one
 * rotation family: presenting a used one means it leaked, and the session dies.
 */
@Entity({ schema: 'app', name: 'refresh_tokens' })
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_tokens_session', ['sessionId'])
export class RefreshToken {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  sessionId: string;

  @ManyToOne(() => AppSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: AppSession;

  @Column('varchar', { length: 64 })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
