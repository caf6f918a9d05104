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

/**
 * One value of a user's long-term memory. The primary key leads with the user,
 * so every read is confined to one user's rows and a prefix listing walks the
 * key in order.
 */
@Entity({ schema: 'memory', name: 'items' })
@Index('ix_memory_items_expires', ['expiresAt'], { where: 'expires_at IS NOT NULL' })
export class MemoryItem {
  @PrimaryColumn('uuid')
  userId: string;

  // The cascade is a backstop: erasure deletes and counts these rows itself.
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn('varchar', { length: 512 })
  namespace: string;

  @PrimaryColumn('varchar', { length: 256 })
  key: string;

  @Column('jsonb')
  value: unknown;

  /** The searchable text of the value (its `text` field, or the string itself). */
  @Column('text', { nullable: true })
  text: string | null;

  /** The text's embedding, made by a job after each write; null until then (and when there is no text). */
  @Column('real', { array: true, nullable: true })
  embedding: number[] | null;

  /** `provider:model:dimensions` of `embedding`: a search compares only vectors of its own profile. */
  @Column('varchar', { length: 200, nullable: true })
  embeddingProfile: string | null;

  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
