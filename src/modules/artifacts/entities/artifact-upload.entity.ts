import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Conversation } from '../../conversations/entities/conversation.entity.js';
import { User } from '../../users/entities/user.entity.js';

/**
 * A large file on its way in: what the client declared (hash, size, name,
 * attributes) when it asked for a direct upload, until `complete` registers it.
 */
@Entity({ schema: 'app', name: 'artifact_uploads' })
@Index('ix_artifact_uploads_expires', ['expiresAt'])
@Index('ix_artifact_uploads_user', ['userId'])
export class ArtifactUpload {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 64 })
  sha256: string;

  @Column('bigint')
  size: string;

  @Column('varchar', { length: 255, nullable: true })
  filename: string | null;

  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  runId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  toolCallId: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  metadata: Record<string, unknown>;

  /** After this, the upload can no longer be completed (the row is pruned). */
  @Column('timestamptz')
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
