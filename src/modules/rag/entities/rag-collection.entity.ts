import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum Audience {
  Teenager = 'teenager',
  Parent = 'parent',
  All = 'all',
}

/**
 * A knowledge base for one audience (seed 001: docs_youth for teenagers,
 * docs_adult for parents). Its embedding profile and splitter settings are
 * fixed when it is created: every chunk in it was made with them, so vectors
 * of one collection are always comparable.
 */
@Entity({ schema: 'rag', name: 'collections' })
@Index('uq_rag_collections_name', ['name'], { unique: true })
export class RagCollection {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 64 })
  name: string;

  @Column('varchar', { length: 16 })
  audience: Audience;

  /** `local` (the built-in embedder) or `openai` (an OpenAI-compatible endpoint). */
  @Column('varchar', { length: 32 })
  embeddingProvider: string;

  @Column('varchar', { length: 128 })
  embeddingModel: string;

  @Column('integer')
  embeddingDimensions: number;

  @Column('varchar', { length: 16, default: 'cosine' })
  embeddingDistance: string;

  /** In tokens (cl100k_base). */
  @Column('integer')
  chunkSize: number;

  @Column('integer')
  chunkOverlap: number;

  /** Bumped whenever its searchable content changes: caches keyed by it go stale at once. */
  @Column('integer', { default: 0 })
  generation: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
