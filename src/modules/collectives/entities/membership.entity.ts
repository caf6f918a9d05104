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
import { Collective } from './collective.entity.js';

export enum CollectiveRole {
  Owner = 'owner',
  Admin = 'admin',
  Member = 'member',
}

/** One per user and collective. */
@Entity({ schema: 'app', name: 'collective_memberships' })
@Index('uq_collective_memberships_collective_user', ['collectiveId', 'userId'], { unique: true })
@Index('ix_collective_memberships_user', ['userId'])
export class CollectiveMembership {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  collectiveId: string;

  @ManyToOne(() => Collective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collective_id' })
  collective?: Collective;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 16 })
  role: CollectiveRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
