import { DiscoveryService } from '@nestjs/core';

/**
 * How the module that owns a kind of resource answers "may this user reach it
 * at all?". Each module provides one per kind, marked `@AccessChecker()`, in its
 * own providers; the platform finds them at start-up and never imports them.
 */
export interface ResourceChecker {
  /** The kind routes name in `@Access(kind)`. */
  readonly kind: string;
  /** The resource as a 404 names it: `Conversation` -> "Conversation not found". */
  readonly name: string;
  /** Whether `id` has the form of this kind's ids (default: a UUID); anything else is 404 unasked. */
  isId?(id: string): boolean;
  /**
   * No means 404, exactly as for a missing resource. Finer rules (a role that
   * is needed: 403) stay in the service, which knows them. A checker may throw a
   * DomainError of its own (503 when its store is away).
   */
  check(userId: string, id: string): Promise<boolean>;
}

/** Marks a provider as the `ResourceChecker` of its kind. */
export const AccessChecker = DiscoveryService.createDecorator<void>();
