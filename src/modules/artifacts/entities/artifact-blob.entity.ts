import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Stored content, once per SHA-256, under `artifacts/{sha[0:2]}/{sha[2:4]}/{sha}`.
 * Its references are the artifact rows naming it. `orphaned_at` is set when the
 * last one goes; the collector removes the blob only a grace period later, and
 * only if still unreferenced, so an identical upload racing the delete keeps it.
 */
@Entity({ schema: 'app', name: 'artifact_blobs' })
@Index('ix_artifact_blobs_orphaned', ['orphanedAt'], { where: 'orphaned_at IS NOT NULL' })
export class ArtifactBlob {
  @PrimaryColumn('varchar', { length: 64 })
  sha256: string;

  @Column('bigint')
  size: string;

  @Column('varchar', { length: 255 })
  mime: string;

  @Column('timestamptz', { nullable: true })
  orphanedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
