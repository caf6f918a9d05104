import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Who acted: a signed-in user, the admin command line, or the service itself (ADMIN_EMAILS). */
export enum AuditActorType {
  User = 'user',
  Cli = 'cli',
  System = 'system',
}

/**
 * One administrative or lifecycle action, as it happened. Rows are only ever
 * inserted: a trigger (see the migration) refuses UPDATE and DELETE. No foreign
 * key reaches the actor, so the log outlives the accounts it names.
 */
@Entity({ schema: 'app', name: 'audit_log' })
export class AuditEntry {
  /** UUIDv7: time-ordered, so the id alone orders the log. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 16 })
  actorType: AuditActorType;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** `<domain>.<verb>`: `feature-flag.update`, `role.grant`. */
  @Column('varchar', { length: 64 })
  action: string;

  @Column('varchar', { length: 32 })
  targetType: string;

  @Column('varchar', { length: 200 })
  targetId: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
