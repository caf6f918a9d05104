import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../../../users/entities/user.entity.js';

export enum DataExportStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
  Failed = 'failed',
}

/**
 * An export archive of one user's data (POST /v1/me/exports): built by a job,
 * stored in the blob store under `blobKey` until `expiresAt`.
 */
@Entity({ schema: 'app', name: 'data_exports' })
@Index('ix_data_exports_user', ['userId', 'createdAt'])
export class DataExport {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  // The account's erasure takes its exports with it (their blobs: the expired_exports policy).
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 16, default: DataExportStatus.Queued })
  status: DataExportStatus;

  @Column('int', { default: 0 })
  sectionsDone: number;

  @Column('int', { default: 0 })
  sectionsTotal: number;

  @Column('bigint', { nullable: true })
  size: string | null;

  @Column('varchar', { length: 300, nullable: true })
  blobKey: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;
}
