import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Mail Parley sent (or, in the embedded default and tests, would have sent). */
@Entity({ schema: 'app', name: 'mail_outbox' })
@Index('ix_mail_outbox_recipient', ['recipient', 'createdAt'])
export class MailOutbox {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 320 })
  recipient: string;

  @Column('varchar', { length: 64 })
  template: string;

  @Column('varchar', { length: 300 })
  subject: string;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
