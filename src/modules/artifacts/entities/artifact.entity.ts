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
import { ArtifactBlob } from './artifact-blob.entity.js';

/** A file of a conversation: one reference to its content blob. */
@Entity({ schema: 'app', name: 'artifacts' })
@Index('ix_artifacts_conversation', ['conversationId', 'id'])
@Index('ix_artifacts_user', ['userId'])
@Index('ix_artifacts_sha256', ['sha256'])
export class Artifact {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  // The cascades are a backstop: erasure deletes and counts these rows itself.
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

  // RESTRICT: a blob row cannot go while an artifact (even an uncommitted one) names it.
  @ManyToOne(() => ArtifactBlob, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sha256' })
  blob?: ArtifactBlob;

  @Column('varchar', { length: 255 })
  filename: string;

  @Column('varchar', { length: 255 })
  mime: string;

  @Column('bigint')
  size: string;

  /** The chat session (agent thread) it came from, as the client said. */
  @Column('uuid', { nullable: true })
  sessionId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  runId: string | null;

  @Column('varchar', { length: 200, nullable: true })
  toolCallId: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  metadata: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
