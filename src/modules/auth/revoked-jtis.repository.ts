import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RevokedJti } from './entities/revoked-jti.entity.js';

@Injectable()
export class RevokedJtisRepository {
  constructor(@InjectRepository(RevokedJti) private readonly jtis: Repository<RevokedJti>) {}

  /** Ids whose tokens have not expired yet, with their expiry. */
  listUnexpired(): Promise<{ jti: string; expiresAt: Date }[]> {
    return this.jtis.query(
      `SELECT jti, expires_at AS "expiresAt" FROM app.revoked_jtis WHERE expires_at > now()`,
    ) as Promise<{ jti: string; expiresAt: Date }[]>;
  }

  /** Idempotent: revoking an id twice keeps the first row. */
  async insertIfAbsent(jti: string, expiresAt: Date): Promise<void> {
    await this.jtis
      .createQueryBuilder()
      .insert()
      .into(RevokedJti)
      .values({ jti, expiresAt })
      .orIgnore()
      .execute();
  }
}
