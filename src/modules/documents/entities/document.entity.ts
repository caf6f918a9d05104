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

export enum DocumentKind {
  Text = 'text',
  Code = 'code',
  Sheet = 'sheet',
  /** Its content is the id of an image artifact of the same conversation. */
  Image = 'image',
}

/**
 * A document of a conversation (seed 000's Document): its kind is fixed, its
 * title and content live in numbered versions. Owned through the conversation.
 */
@Entity({ schema: 'app', name: 'documents' })
@Index('ix_documents_conversation', ['conversationId', 'id'])
export class Document {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  conversationId: string;

  // A backstop: erasure deletes and counts these rows itself.
  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Conversation;

  @Column('varchar', { length: 16 })
  kind: DocumentKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One version of a document, numbered from 1 without gaps; the newest is the document. */
@Entity({ schema: 'app', name: 'document_versions' })
@Index('uq_document_versions_number', ['documentId', 'version'], { unique: true })
export class DocumentVersion {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @Column('int')
  version: number;

  @Column('varchar', { length: 300 })
  title: string;

  @Column('text')
  content: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A proposed edit of one version (seed 000's Suggestion): the text it would
 * replace and its replacement. It goes with its version (a revert past it) and
 * with its document.
 */
@Entity({ schema: 'app', name: 'document_suggestions' })
@Index('ix_document_suggestions_document', ['documentId', 'id'])
@Index('ix_document_suggestions_version', ['versionId'])
export class DocumentSuggestion {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @Column('uuid')
  versionId: string;

  @ManyToOne(() => DocumentVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  documentVersion?: DocumentVersion;

  @Column('text')
  originalText: string;

  @Column('text')
  suggestedText: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('boolean', { default: false })
  resolved: boolean;

  /** `accepted` or `rejected` once resolved, when the resolver said which. */
  @Column('varchar', { length: 16, nullable: true })
  resolution: string | null;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const DOCUMENT_ENTITIES = [Document, DocumentVersion, DocumentSuggestion];
