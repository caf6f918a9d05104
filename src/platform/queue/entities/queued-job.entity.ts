import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type QueuedJobStatus = 'waiting' | 'active' | 'completed' | 'failed';

/**
 * A job of the in-process (embedded) queue driver. Jobs live in PostgreSQL, so
 * work accepted before a crash or restart is still there afterwards.
 */
@Entity({ schema: 'app', name: 'queued_jobs' })
@Index('uq_queued_jobs_queue_job_key', ['queue', 'jobKey'], { unique: true })
@Index('ix_queued_jobs_ready', ['status', 'runAt'])
export class QueuedJob {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 64 })
  queue: string;

  @Column('varchar', { length: 128 })
  name: string;

  /** The caller's stable job id: enqueueing the same key twice is a no-op. */
  @Column('varchar', { length: 255 })
  jobKey: string;

  @Column('jsonb')
  data: unknown;

  @Column('varchar', { length: 16 })
  status: QueuedJobStatus;

  @Column('int', { default: 0 })
  attemptsMade: number;

  @Column('int')
  maxAttempts: number;

  @Column('int')
  backoffMs: number;

  @Column('timestamptz')
  runAt: Date;

  /** Lease of the runner that took the job; an expired lease means its runner died. */
  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('jsonb', { nullable: true })
  result: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
