import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { ConsentService } from '../consent/consent.service.js';

/** How long a user's "processing allowed" is taken from memory. */
const ALLOWED_FOR_MS = 30_000;
const MAX_ENTRIES = 100_000;

/**
 * The consent gate on the summary hot path, which must not wait on the
 * database for every summary. Only "allowed" is remembered, for a short while
 * and until this process hears the user's consent inputs changed; a refusal is
 * always asked again. Another instance's change may be missed for up to
 * ALLOWED_FOR_MS: the writer asks ConsentService itself before it stores
 * anything, so such a summary is refused (and recorded), never stored.
 */
@Injectable()
export class ConsentGate implements OnModuleInit {
  private readonly allowedUntil = new Map<string, number>();

  constructor(
    private readonly consent: ConsentService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    const forget = ({ userId }: { userId: string }) => void this.allowedUntil.delete(userId);
    this.events.on('user.scope-inputs-changed', forget);
    this.events.on('user.deactivated', forget);
  }

  /** Throws ConsentRequired (403) as ConsentService does. */
  async assertProcessingAllowed(userId: string): Promise<void> {
    if ((this.allowedUntil.get(userId) ?? 0) > Date.now()) return;
    await this.consent.assertProcessingAllowed(userId);
    if (this.allowedUntil.size >= MAX_ENTRIES) this.allowedUntil.clear();
    this.allowedUntil.set(userId, Date.now() + ALLOWED_FOR_MS);
  }
}
