import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CacheService } from '../../platform/cache/cache.service.js';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ConsentService } from '../consent/consent.service.js';
import type { User } from '../users/entities/user.entity.js';
import { isProfileComplete, UsersService } from '../users/users.service.js';
import { AppSession, SessionOrigin, SessionScope } from './entities/app-session.entity.js';
import type { SessionCapabilities } from './request-context.js';
import { SessionsRepository, type SessionStateRow } from './sessions.repository.js';

/** Long enough to spare the database on the hot path; invalidation makes changes immediate. */
const STATE_TTL_SECONDS = 300;

const stateKey = (sessionId: string) => `auth:session:${sessionId}`;

@Injectable()
export class SessionsService implements OnModuleInit {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
    private readonly consent: ConsentService,
    private readonly cache: CacheService,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.on('user.scope-inputs-changed', ({ userId }) => this.refreshScopes(userId));
    this.events.on('user.deactivated', ({ userId }) =>
      this.revokeAll(userId).then(() => undefined),
    );
  }

  /** ONBOARDING until the profile is complete, PENDING_CONSENT until consent is complete, then FULL. */
  async scopeFor(user: User, manager?: EntityManager): Promise<SessionScope> {
    if (!isProfileComplete(user)) return SessionScope.Onboarding;
    // Inside a transaction, its manager: the embedded engine serialises connections.
    const terms = await this.consent.hasAcceptedTerms(user.id, manager);
    if (!terms || !(await this.consent.parentalConsentSatisfied(user, manager)))
      return SessionScope.PendingConsent;
    return SessionScope.Full;
  }

  async create(
    user: User,
    origin: SessionOrigin,
    manager?: EntityManager,
    capabilities: SessionCapabilities = {},
  ): Promise<AppSession> {
    const now = new Date();
    const session = Object.assign(new AppSession(), {
      id: uuidv7(),
      userId: user.id,
      origin,
      scope: await this.scopeFor(user, manager),
      capabilities,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: new Date(now.getTime() + this.config.env.SESSION_TTL_DAYS * 86_400_000),
      revokedAt: null,
    });
    await this.sessions.insert(session, manager);
    return session;
  }

  /** The session as the guard sees it: from the cache when warm, else one query. */
  async state(sessionId: string): Promise<SessionStateRow | null> {
    const cached = await this.cache.get<SessionStateRow>(stateKey(sessionId));
    if (cached) return cached;
    const row = await this.sessions.findState(sessionId);
    if (row) await this.cache.set(stateKey(sessionId), row, STATE_TTL_SECONDS);
    return row;
  }

  /** Recomputes the user's scope and applies it to every live session at once. */
  async refreshScopes(userId: string): Promise<void> {
    const user = await this.users.find(userId);
    if (!user) return;
    await this.sessions.setScopeOfUser(userId, await this.scopeFor(user));
    // Roles live in the cached state too, so every live session is refreshed.
    await this.forget(await this.sessions.liveIdsOfUser(userId));
  }

  async listLive(userId: string, limit: number, after?: [string, string]): Promise<AppSession[]> {
    return this.sessions.listLive(userId, limit, after);
  }

  async revokeOwned(userId: string, sessionId: string): Promise<void> {
    const session = await this.sessions.findOwned(sessionId, userId);
    if (!session) throw DomainError.notFound('Session');
    await this.sessions.revoke(sessionId);
    await this.forget([sessionId]);
  }

  async revoke(sessionId: string, manager?: EntityManager): Promise<void> {
    await this.sessions.revoke(sessionId, manager);
    await this.forget([sessionId]);
  }

  async revokeAll(
    userId: string,
    exceptSessionId?: string,
    manager?: EntityManager,
  ): Promise<string[]> {
    const ids = await this.sessions.revokeAllOfUser(userId, exceptSessionId, manager);
    await this.forget(ids);
    return ids;
  }

  touch(sessionId: string): Promise<void> {
    return this.sessions.touch(sessionId);
  }

  /** Drops cached states on every instance (the cache publishes the invalidation). */
  async forget(sessionIds: string[]): Promise<number> {
    return this.cache.del(...sessionIds.map(stateKey));
  }

  /** How many of these sessions still have a cached state (verification after an erase). */
  async cached(sessionIds: string[]): Promise<number> {
    const states = await this.cache.getMany(sessionIds.map(stateKey));
    return states.filter((s) => s !== undefined).length;
  }
}
