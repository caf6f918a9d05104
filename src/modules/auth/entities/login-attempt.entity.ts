import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every password attempt (sign-in, erase confirmation), for lockout and audit. The account is identified by a
 * keyed hash of the email, so the table does not hold addresses of non-users.
 */
@Entity({ schema: 'app', name: 'login_attempts' })
@Index('ix_login_attempts_account', ['accountKey', 'createdAt'])
@Index('ix_login_attempts_ip', ['ip', 'createdAt'])
export class LoginAttempt {
  @PrimaryColumn('uuid')
  id: string;

  /** The lockout space it counts in (sign-in, erase confirmation): no space sees another's. */
  @Column('varchar', { length: 16, default: 'sign-in' })
  scope: string;

  @Column('varchar', { length: 64 })
  accountKey: string;

  @Column('varchar', { length: 64 })
  ip: string;

  @Column('boolean')
  succeeded: boolean;

  /** Refused while locked, without checking the password: audited, not counted as a failure. */
  @Column('boolean', { default: false })
  blocked: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
