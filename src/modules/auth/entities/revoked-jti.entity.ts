import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Access tokens revoked before their expiry (logout); rows go once the token would have expired. */
@Entity({ schema: 'app', name: 'revoked_jtis' })
@Index('ix_revoked_jtis_expires', ['expiresAt'])
export class RevokedJti {
  @PrimaryColumn('varchar', { length: 64 })
  jti: string;

  @Column('timestamptz')
  expiresAt: Date;
}
