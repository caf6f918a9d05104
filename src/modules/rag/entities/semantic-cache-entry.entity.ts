import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The RAG semantic cache: what one query found in one scope (its collections at
 * their generations, the caller's audiences, model, k, mode, filter and
 * threshold, hashed into `scopeKey`). A later query whose embedding is close
 * enough in the same scope reuses `chunkIds`, which are read again from
 * rag.chunks, so a removed chunk never comes back.
 */
@Entity({ schema: 'cache', name: 'rag_semantic_entries' })
@Index('ix_cache_rag_semantic_scope', ['scopeKey', 'createdAt'])
@Index('ix_cache_rag_semantic_collections', ['collectionIds'], { type: 'gin' })
export class SemanticCacheEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { length: 64 })
  scopeKey: string;

  @Column('uuid', { array: true })
  collectionIds: string[];

  /** Each collection's generation when the entry was made, in `collectionIds` order. */
  @Column('integer', { array: true })
  generations: number[];

  @Column('real', { array: true })
  queryEmbedding: number[];

  @Column('uuid', { array: true })
  chunkIds: string[];

  @Column('double precision', { array: true })
  scores: number[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
