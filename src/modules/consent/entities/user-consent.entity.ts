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

/** Acceptance of a version of the terms, with where and when. */
@Entity({ schema: 'app', name: 'user_consents' })
@Index('uq_user_consents_user_version', ['userId', 'termsVersion'], { unique: true })
export class UserConsent {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 32 })
  termsVersion: string;

  @Column('varchar', { length: 64, nullable: true })
  consentIp: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
