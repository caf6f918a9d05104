import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from './user.entity.js';

/** An external identity (IdP name + subject) linked to a user. */
@Entity({ schema: 'app', name: 'idp_logins' })
@Index('ix_idp_logins_user', ['userId'])
export class IdpLogin {
  @PrimaryColumn('varchar', { length: 64 })
  idp: string;

  @PrimaryColumn('varchar', { length: 255 })
  loginId: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
