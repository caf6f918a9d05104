import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RagDocument } from './rag-document.entity.js';

/**
 * A searchable piece of a document. The embedding is a portable `real[]`: on a
 * server with pgvector, per-collection HNSW expression indexes over
 * `embedding::vector(n)` serve searches (created at run time, not by a
 * migration); elsewhere `rag.cosine_distance` scans exactly. `chunkKey` is
 * sha256(text + splitter settings + model): an unchanged chunk is never embedded
 * twice.
 */
@Entity({ schema: 'rag', name: 'chunks' })
@Index('ix_rag_chunks_document', ['documentId', 'ordinal'])
@Index('ix_rag_chunks_key', ['collectionId', 'chunkKey'])
@Index('ix_rag_chunks_tsv', ['tsv'], { type: 'gin' })
@Index('ix_rag_chunks_metadata', ['metadata'], { type: 'gin' })
export class RagChunk {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => RagDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: RagDocument;

  /** Denormalised from the document: searches filter and index by collection. */
  @Column('uuid')
  collectionId: string;

  @Column('integer')
  ordinal: number;

  @Column('text')
  content: string;

  @Column('integer')
  tokenCount: number;

  /** The document's metadata merged with the chunk's own (position). */
  @Column('jsonb', { default: () => "'{}'" })
  metadata: Record<string, unknown>;

  @Column('char', { length: 64 })
  chunkKey: string;

  @Column('real', { array: true })
  embedding: number[];

  @Column('tsvector')
  tsv: string;
}
