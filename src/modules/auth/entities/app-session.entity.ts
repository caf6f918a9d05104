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

export enum SessionScope {
  Onboarding = 'ONBOARDING',
  PendingConsent = 'PENDING_CONSENT',
  Full = 'FULL',
}

export enum SessionOrigin {
  Web = 'web',
  Discord = 'discord',
  Api = 'api',
}

/** One sign-in of a user from a client. Its scope follows the consent pipeline. */
@Entity({ schema: 'app', name: 'app_sessions' })
@Index('ix_app_sessions_user', ['userId', 'createdAt'])
export class AppSession {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 16 })
  origin: SessionOrigin;

  @Column('varchar', { length: 24 })
  scope: SessionScope;

  @Column('jsonb', { default: () => "'{}'" })
  capabilities: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  lastActiveAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
