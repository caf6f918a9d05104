import { Injectable } from '@nestjs/common';
import { CacheService } from '../cache/cache.service.js';
import { DomainError } from '../http/domain-error.js';
import { ErrorCode } from '../http/error-codes.js';

const TTL_SECONDS = 24 * 3600;

/**
 * Owners of resources whose owner never changes (conversations), shared by
 * every instance through the platform cache. Only owners are remembered, so a
 * cached owner answers for everyone: the owner yes, anyone else no. Deleting
 * such a resource must `forget` it, which reaches every instance.
 */
@Injectable()
export class OwnerCache {
  constructor(private readonly cache: CacheService) {}

  /** From the cache when the owner is known; else `lookup` (the database), remembered when yes. */
  async isOwner(
    kind: string,
    userId: string,
    id: string,
    lookup: () => Promise<boolean>,
  ): Promise<boolean> {
    const owner = await this.cache.get<string>(key(kind, id));
    if (owner !== undefined) return owner === userId;
    // A miss must look again: the resource may be new.
    if (!(await lookup())) return false;
    await this.remember(kind, id, userId);
    return true;
  }

  /** A resource just created: its owner is known, no need to read it back. */
  remember(kind: string, id: string, userId: string): Promise<void> {
    return this.cache.set(key(kind, id), userId, TTL_SECONDS);
  }

  /**
   * Drops the owners of deleted resources from every instance. Throws (503)
   * when the shared store cannot take it, since another instance could go on
   * answering for a resource that is gone.
   */
  async forget(kind: string, ...ids: string[]): Promise<void> {
    try {
      await this.cache.del(...ids.map((id) => key(kind, id)));
    } catch {
      throw new DomainError(
        ErrorCode.ServiceUnavailable,
        'The shared cache cannot be reached; retry shortly.',
        {},
        { 'Retry-After': '1' },
      );
    }
  }
}

function key(kind: string, id: string): string {
  return `owner:${kind}:${id}`;
}
