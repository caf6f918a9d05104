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
import { RagCollection } from './rag-collection.entity.js';

export enum DocumentStatus {
  Queued = 'queued',
  Processing = 'processing',
  Ready = 'ready',
  Failed = 'failed',
}

export enum SourceKind {
  Text = 'text',
  File = 'file',
}

/**
 * One source text of a collection. Its content is kept so an ingest job (or a
 * re-ingest after a model change) can always rebuild the chunks from it.
 */
@Entity({ schema: 'rag', name: 'documents' })
@Index('ix_rag_documents_collection', ['collectionId', 'id'])
export class RagDocument {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  collectionId: string;

  @ManyToOne(() => RagCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collection_id' })
  collection?: RagCollection;

  @Column('varchar', { length: 500 })
  title: string;

  @Column('varchar', { length: 8 })
  sourceKind: SourceKind;

  @Column('jsonb', { default: () => "'{}'" })
  metadata: Record<string, unknown>;

  @Column('text')
  content: string;

  /** Hex SHA-256 of `content`. */
  @Column('char', { length: 64 })
  contentSha256: string;

  @Column('varchar', { length: 16 })
  status: DocumentStatus;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('integer', { default: 0 })
  chunksDone: number;

  @Column('integer', { default: 0 })
  chunksTotal: number;

  /** The content hash whose chunks are the searchable ones (null until the first ingest). */
  @Column('char', { length: 64, nullable: true })
  indexedSha256: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  indexedAt: Date | null;
}
