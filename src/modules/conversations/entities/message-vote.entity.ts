import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { Message } from './message.entity.js';

export enum VoteValue {
  Up = 'up',
  Down = 'down',
}

/** One vote per user and message (seed 000). */
@Entity({ schema: 'app', name: 'message_votes' })
@Index('ix_message_votes_user', ['userId'])
export class MessageVote {
  @PrimaryColumn('uuid')
  messageId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 8 })
  value: VoteValue;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
