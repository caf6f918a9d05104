import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CacheService } from '../../platform/cache/cache.service.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { ConsentService } from './consent.service.js';

/** How long "processing allowed" is taken from the shared cache. */
const ALLOWED_TTL_SECONDS = 60;
export const consentAllowedKey = (userId: string) => `consent:allowed:${userId}`;

/**
 * The consent gate on read hot paths (RAG and memory search), shared by every
 * instance through the platform cache. Only "allowed" is remembered; a refusal
 * is asked of the database again. Every change to a user's consent inputs
 * (terms, parental consent, age, collective consent) or their deactivation
 * emits an event whose handler drops the key with `del`, which removes it from
 * the shared store and, through pub/sub, from every instance's near cache, as
 * the cached profile does.
 */
@Injectable()
export class ConsentCheckCache implements OnModuleInit {
  constructor(
    private readonly consent: ConsentService,
    private readonly cache: CacheService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    const forget = ({ userId }: { userId: string }) => this.forget(userId);
    this.events.on('user.scope-inputs-changed', forget);
    this.events.on('user.deactivated', forget);
  }

  /** Throws ConsentRequired (403) exactly as ConsentService does. */
  async assertProcessingAllowed(userId: string): Promise<void> {
    if ((await this.cache.get<boolean>(consentAllowedKey(userId))) === true) return;
    await this.consent.assertProcessingAllowed(userId);
    await this.cache.set(consentAllowedKey(userId), true, ALLOWED_TTL_SECONDS);
  }

  async forget(userId: string): Promise<void> {
    await this.cache.del(consentAllowedKey(userId));
  }
}
