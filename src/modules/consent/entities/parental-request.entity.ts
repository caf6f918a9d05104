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

export enum ParentalRequestStatus {
  Pending = 'PENDING',
  Approved = 'APPROVED',
}

/**
 * A minor asking a parent for consent. The token travels to the parent by mail
 * and back to the approve route; only its SHA-256 is kept.
 */
@Entity({ schema: 'app', name: 'parental_requests' })
@Index('uq_parental_requests_token_hash', ['tokenHash'], { unique: true })
@Index('ix_parental_requests_teenager', ['teenagerId', 'createdAt'])
export class ParentalRequest {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  teenagerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teenager_id' })
  teenager?: User;

  @Column('varchar', { length: 320 })
  parentEmail: string;

  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column('varchar', { length: 16 })
  status: ParentalRequestStatus;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  approvedAt: Date | null;

  @Column('uuid', { nullable: true })
  approvedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by' })
  approver?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
