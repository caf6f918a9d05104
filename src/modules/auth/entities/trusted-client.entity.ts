import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A first-party client (such as the Discord bot) allowed to assert identities of
 * one identity provider by login id. Its secret (256 random bits) is stored as SHA-256.
 */
@Entity({ schema: 'app', name: 'trusted_clients' })
export class TrustedClient {
  @PrimaryColumn('uuid')
  id: string;

  @Column('varchar', { length: 100 })
  name: string;

  @Column('varchar', { length: 64 })
  idp: string;

  @Column('varchar', { length: 255 })
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
