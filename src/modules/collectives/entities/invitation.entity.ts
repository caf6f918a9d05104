import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AgeClass, User } from '../../users/entities/user.entity.js';
import { Collective } from './collective.entity.js';

export enum InvitationStatus {
  /** Not used yet. */
  Pending = 'PENDING',
  /** Used, with uses left (or unlimited). */
  Active = 'ACTIVE',
  /** Every use taken. */
  Accepted = 'ACCEPTED',
  /** Past its expiry; derived on read, never stored by a writer racing the clock. */
  Expired = 'EXPIRED',
  Revoked = 'REVOKED',
}

/** A shareable token into a collective; only the token's SHA-256 is kept. */
@Entity({ schema: 'app', name: 'invitations' })
@Index('uq_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('ix_invitations_collective', ['collectiveId', 'id'])
// The database itself refuses a use beyond the limit, whatever the code does.
@Check('ck_invitations_usage', 'usage_limit IS NULL OR current_uses <= usage_limit')
export class Invitation {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id' })
  collective?: Collective;

  @Column('uuid')
  inviterId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inviter_id' })
  inviter?: User;

  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column('varchar', { length: 16, nullable: true })
  ageClass: AgeClass | null;

  @Column('varchar', { length: 16, nullable: true })
  language: string | null;

  @Column('varchar', { length: 200, nullable: true })
  label: string | null;

  /** Null: unlimited. */
  @Column('integer', { nullable: true })
  usageLimit: number | null;

  @Column('integer', { default: 0 })
  currentUses: number;

  @Column('varchar', { length: 16 })
  status: InvitationStatus;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;

  @Column('uuid', { nullable: true })
  acceptedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by' })
  acceptedUser?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
