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
import { RagChunk } from './rag-chunk.entity.js';
import { RagCollection } from './rag-collection.entity.js';

export enum ProfileStatus {
  /** Its vectors are being made; search still uses the collection's live profile. */
  Building = 'building',
  /** Switched to: the collection's profile now (its columns say the same). */
  Live = 'live',
  /** The re-embed failed; the previous profile stayed live. */
  Failed = 'failed',
  /** Was live, replaced by a later one. */
  Superseded = 'superseded',
}

/**
 * A model change of a collection: a new embedding profile, built beside the
 * live one by a job and switched to in one transaction once every chunk has
 * a vector of it. At most one is building per collection.
 */
@Entity({ schema: 'rag', name: 'embedding_profiles' })
@Index('ix_rag_embedding_profiles_collection', ['collectionId', 'createdAt'])
@Index('uq_rag_embedding_profiles_building', ['collectionId'], {
  unique: true,
  where: `status = 'building'`,
})
export class RagEmbeddingProfile {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  collectionId: string;

  @ManyToOne(() => RagCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collection_id' })
  collection?: RagCollection;

  @Column('varchar', { length: 32 })
  provider: string;

  @Column('varchar', { length: 128 })
  model: string;

  @Column('integer')
  dimensions: number;

  @Column('varchar', { length: 16, default: 'cosine' })
  distance: string;

  @Column('varchar', { length: 16 })
  status: ProfileStatus;

  @Column('integer', { default: 0 })
  chunksDone: number;

  @Column('integer', { default: 0 })
  chunksTotal: number;

  @Column('text', { nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  activatedAt: Date | null;
}

/**
 * A chunk's vector under a profile still building (and its chunk key for that
 * model). Moved into rag.chunks at the switch, then deleted; a removed chunk
 * or a removed profile takes its rows along.
 */
@Entity({ schema: 'rag', name: 'profile_vectors' })
// Deleting a chunk finds its vectors through this.
@Index('ix_rag_profile_vectors_chunk', ['chunkId'])
export class RagProfileVector {
  @PrimaryColumn('uuid')
  profileId: string;

  @ManyToOne(() => RagEmbeddingProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: RagEmbeddingProfile;

  @PrimaryColumn('uuid')
  chunkId: string;

  @ManyToOne(() => RagChunk, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chunk_id' })
  chunk?: RagChunk;

  @Column('char', { length: 64 })
  chunkKey: string;

  @Column('real', { array: true })
  embedding: number[];
}
