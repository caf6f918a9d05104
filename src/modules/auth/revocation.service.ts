import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service.js';
import { RevokedJtisRepository } from './revoked-jtis.repository.js';

const jtiKey = (jti: string) => `auth:jti:${jti}`;

/**
 * Revoked access tokens. The row is the record; the cache entry (TTL = the
 * token's remaining life) is what the guard reads, so the check costs no query.
 */
@Injectable()
export class RevocationService implements OnApplicationBootstrap {
  constructor(
    private readonly jtis: RevokedJtisRepository,
    private readonly cache: CacheService,
  ) {}

  /**
   * The guard only asks the cache, so a cache that lost its entries (a restart
   * of the in-memory store, a flushed Redis) is refilled from the table first.
   */
  async onApplicationBootstrap(): Promise<void> {
    const rows = await this.jtis.listUnexpired();
    const now = Date.now();
    for (const row of rows) {
      const remaining = Math.ceil((row.expiresAt.getTime() - now) / 1000);
      if (remaining > 0) await this.cache.set(jtiKey(row.jti), true, remaining);
    }
  }

  async revokeJti(jti: string, exp: number): Promise<void> {
    const remaining = exp - Math.floor(Date.now() / 1000);
    if (remaining <= 0) return;
    await this.jtis.insertIfAbsent(jti, new Date(exp * 1000));
    // Other instances may remember this id as "not revoked": the broadcast drops that.
    await this.cache.set(jtiKey(jti), true, remaining, { broadcast: true });
  }

  /** Almost every token is not revoked; that answer is kept in memory, so the check costs nothing. */
  async isRevoked(jti: string): Promise<boolean> {
    return (await this.cache.get<boolean>(jtiKey(jti), { rememberMiss: true })) === true;
  }
}
