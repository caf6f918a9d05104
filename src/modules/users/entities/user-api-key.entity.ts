import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from './user.entity.js';

/** A user-supplied LLM provider key, AES-256-GCM encrypted; only its last characters are kept in clear. */
@Entity({ schema: 'app', name: 'user_api_keys' })
export class UserApiKey {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('varchar', { length: 64 })
  provider: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** `keyId:iv:ciphertext:tag`, base64 parts; the key id allows rotation. */
  @Column('text')
  ciphertext: string;

  @Column('varchar', { length: 8 })
  lastFour: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
