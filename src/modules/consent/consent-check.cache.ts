import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CacheService } from '../../platform/cache/cache.service.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { ConsentService } from './consent.service.js';

/** How long "processing allowed" is taken from the shared cache. */
const ALLOWED_TTL_SECONDS = 60;
/** Outlives every "allowed" entry by far, so a change is never forgotten while one could be stale. */
const EPOCH_TTL_SECONDS = 86_400;
export const consentAllowedKey = (userId: string) => `consent:allowed:${userId}`;
const consentEpochKey = (userId: string) => `consent:epoch:${userId}`;

/** "Allowed", as of the user's consent epoch at the time the database said so. */
interface Allowed {
  epoch: string | null;
}

/**
 * The consent gate on read hot paths (RAG and memory search), shared by every
 * instance through the platform cache. Only "allowed" is remembered; a refusal
 * is asked of the database again. Every change to a user's consent inputs
 * (terms, parental consent, age, collective consent) or their deactivation
 * emits an event whose handler drops the key with `del`, which removes it from
 * the shared store and, through pub/sub, from every instance's near cache, as
 * the cached profile does.
 *
 * A check that read the database just before a change, and writes its
 * "allowed" just after the change dropped the key, must not bring it back:
 * each change also moves the user's epoch, an "allowed" carries the epoch read
 * before its database check, and only one whose epoch is still current counts.
 */
@Injectable()
export class ConsentCheckCache implements OnModuleInit {
  constructor(
    private readonly consent: ConsentService,
    private readonly cache: CacheService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('user.scope-inputs-changed', ({ userId }) => this.forget(userId));
    // An erased or deactivated user has no session left to race: nothing naming them stays.
    this.events.on('user.deactivated', ({ userId }) =>
      this.cache.del(consentAllowedKey(userId), consentEpochKey(userId)).then(() => undefined),
    );
  }

  /** Throws ConsentRequired (403) exactly as ConsentService does. */
  async assertProcessingAllowed(userId: string): Promise<void> {
    const epoch = (await this.cache.get<string>(consentEpochKey(userId))) ?? null;
    const cached = await this.cache.get<Allowed>(consentAllowedKey(userId));
    if (cached && cached.epoch === epoch) return;
    await this.consent.assertProcessingAllowed(userId);
    await this.cache.set(
      consentAllowedKey(userId),
      { epoch } satisfies Allowed,
      ALLOWED_TTL_SECONDS,
    );
  }

  async forget(userId: string): Promise<void> {
    await this.cache.set(consentEpochKey(userId), randomUUID(), EPOCH_TTL_SECONDS, {
      broadcast: true,
    });
    await this.cache.del(consentAllowedKey(userId));
  }
}
