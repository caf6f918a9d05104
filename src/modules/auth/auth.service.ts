import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { Actors, AuditService } from '../audit/audit.service.js';
import { FeatureFlagsService } from '../feature-flags/feature-flags.service.js';
import { AccountType, Role, type User } from '../users/entities/user.entity.js';
import type { ProfilePatch } from '../users/users.repository.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import type { AuthContext } from './auth-context.js';
import { AppSession, SessionOrigin } from './entities/app-session.entity.js';
import {
  GuestMergeService,
  type MergeReceipt,
  type MergeSkipReason,
} from './guest-merge.service.js';
import { LockoutService } from './lockout.service.js';
import { PasswordsService } from './passwords.service.js';
import { RefreshTokensService } from './refresh-tokens.service.js';
import type { SessionCapabilities } from './request-context.js';
import { RevocationService } from './revocation.service.js';
import { SessionsService } from './sessions.service.js';
import { TokensService } from './tokens.service.js';

export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  session: { id: string; scope: string; origin: string; expires_at: string };
  /** Present when the sign-in merged the guest whose token it was sent with. */
  merged?: MergeReceipt;
  /** Present when a token was sent with the sign-in but no merge happened, and why. */
  merge_skipped?: MergeSkipReason;
}

export const GUEST_SIGN_UP_FLAG = 'guest-sign-up';

/** Sign-up, sign-in, refresh, sign-out and password change. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    private readonly sessions: SessionsService,
    private readonly tokens: TokensService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly lockout: LockoutService,
    private readonly revocation: RevocationService,
    private readonly audit: AuditService,
    private readonly flags: FeatureFlagsService,
    private readonly guests: GuestMergeService,
  ) {}

  async register(
    email: string,
    password: string,
    profile: ProfilePatch,
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
  ): Promise<IssuedTokens> {
    const passwordHash = await this.passwords.hash(password);
    const roles = this.isAdminEmail(email) ? [Role.Admin] : [];
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.createRegular({ email, passwordHash, profile, roles }, manager);
      if (roles.length > 0) {
        await this.audit.record(
          {
            actor: Actors.system(),
            action: 'role.grant',
            target: { type: 'user', id: user.id },
            before: { roles: [] },
            after: { roles },
          },
          manager,
        );
      }
      const session = await this.sessions.create(user, origin, manager, capabilities);
      return this.issue(session, manager);
    });
  }

  async guest(
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
  ): Promise<IssuedTokens> {
    // Operators can close guest sign-up with the `guest-sign-up` flag; no flag keeps it open.
    if (!(await this.flags.isEnabled(GUEST_SIGN_UP_FLAG, { origin }, true))) {
      throw new DomainError(ErrorCode.FeatureDisabled, 'Guest sign-up is switched off.');
    }
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.createGuest({}, manager);
      const session = await this.sessions.create(user, origin, manager, capabilities);
      return this.issue(session, manager);
    });
  }

  async login(
    email: string,
    password: string,
    ip: string,
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
    mergeFrom?: string,
  ): Promise<IssuedTokens> {
    const accountKey = this.lockout.accountKey(email);
    await this.lockout.assertAllowed(accountKey, ip);
    const user = await this.users.findByEmail(email);
    // One argon2 verification either way: an unknown email costs what a wrong password costs.
    const ok = await this.passwords.verify(user?.passwordHash, password);
    await this.lockout.record(accountKey, ip, ok && !user?.disabledAt);
    if (!ok || !user || user.disabledAt) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'The email or password is wrong.');
    }
    await this.ensureAdminRole(user);
    await this.users.touchLastSeen(user.id);
    return this.signInMerging(user, origin, capabilities, mergeFrom);
  }

  /** A session for a user whose identity another flow established (IdP, upgrade, reset). */
  async startSession(
    user: User,
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
  ): Promise<IssuedTokens> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.create(user, origin, manager, capabilities);
      return this.issue(session, manager);
    });
  }

  /** Sign-in for an identity another party vouched for (IdP token, trusted client). */
  async signInExternal(
    user: User,
    origin: SessionOrigin,
    capabilities: SessionCapabilities = {},
    mergeFrom?: string,
  ): Promise<IssuedTokens> {
    if (user.disabledAt)
      throw new DomainError(ErrorCode.InvalidCredentials, 'This account is disabled.');
    await this.ensureAdminRole(user);
    await this.users.touchLastSeen(user.id);
    return this.signInMerging(user, origin, capabilities, mergeFrom);
  }

  /**
   * A sign-in's session. `mergeFrom` is the Authorization header the sign-in
   * came with: a live guest's token merges that guest into `user` in the same
   * transaction; any other token (not a guest's, not valid, the same account)
   * is reported in `merge_skipped` and the sign-in goes on without a merge.
   */
  private async signInMerging(
    user: User,
    origin: SessionOrigin,
    capabilities: SessionCapabilities,
    mergeFrom: string | undefined,
  ): Promise<IssuedTokens> {
    const candidate = await this.guests.candidate(mergeFrom, user.id);
    if (candidate.kind === 'none') return this.startSession(user, origin, capabilities);
    if (candidate.kind === 'skip') {
      return {
        ...(await this.startSession(user, origin, capabilities)),
        merge_skipped: candidate.reason,
      };
    }
    let afterCommit: (() => Promise<void>) | undefined;
    const tokens = await this.dataSource.transaction(async (manager) => {
      const merge = await this.guests.merge(candidate.guest, user.id, manager);
      const session = await this.sessions.create(user, origin, manager, capabilities);
      const issued = await this.issue(session, manager);
      if (!merge) return { ...issued, merge_skipped: 'invalid-token' as const };
      afterCommit = merge.afterCommit;
      await this.audit.record(
        {
          actor: Actors.user(user.id),
          action: 'user.guest-merged',
          target: { type: 'user', id: user.id },
          before: { guest_id: candidate.guest.userId },
          after: { moved: merge.receipt.tables },
        },
        manager,
      );
      return { ...issued, merged: merge.receipt };
    });
    await afterCommit?.();
    return tokens;
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const result = await this.refreshTokens.consume(refreshToken, manager);
      if (result.outcome !== 'ok') return result;
      const session = await manager.findOneByOrFail(AppSession, { id: result.sessionId });
      return { outcome: 'ok' as const, tokens: await this.issue(session, manager) };
    });
    if (outcome.outcome === 'ok') return outcome.tokens;
    if (outcome.outcome === 'reused') {
      await this.sessions.revoke(outcome.sessionId);
      throw new DomainError(
        ErrorCode.TokenReused,
        'This refresh token was already used; the session is revoked.',
      );
    }
    throw new DomainError(ErrorCode.InvalidToken, 'The refresh token is invalid or expired.');
  }

  async logout(ctx: AuthContext): Promise<void> {
    await this.revocation.revokeJti(ctx.jti, ctx.exp);
    await this.sessions.revoke(ctx.sessionId);
  }

  async logoutAll(ctx: AuthContext): Promise<void> {
    await this.revocation.revokeJti(ctx.jti, ctx.exp);
    await this.sessions.revokeAll(ctx.userId);
  }

  /** Every earlier session and token dies; the caller continues in a fresh session. */
  async changePassword(
    ctx: AuthContext,
    current: string,
    next: string,
    origin: SessionOrigin,
  ): Promise<IssuedTokens> {
    const user = await this.users.get(ctx.userId);
    if (!user.passwordHash || !(await this.passwords.verify(user.passwordHash, current))) {
      throw new DomainError(ErrorCode.InvalidCredentials, 'The current password is wrong.');
    }
    const hash = await this.passwords.hash(next);
    await this.users.setPassword(user.id, hash, new Date());
    await this.revocation.revokeJti(ctx.jti, ctx.exp);
    await this.sessions.revokeAll(user.id);
    return this.startSession(user, origin);
  }

  async upgrade(
    ctx: AuthContext,
    email: string,
    password: string,
    profile: ProfilePatch,
    origin: SessionOrigin,
  ): Promise<IssuedTokens> {
    if (ctx.accountType !== AccountType.Guest) {
      throw new DomainError(ErrorCode.NotAGuest, 'Only a guest account can be upgraded.');
    }
    const hash = await this.passwords.hash(password);
    await this.users.upgradeGuest(ctx.userId, email, hash);
    if (Object.keys(profile).length) await this.users.updateProfile(ctx.userId, profile);
    const user = await this.users.get(ctx.userId);
    await this.ensureAdminRole(user);
    // The guest session ends; the same user continues as a regular account.
    await this.sessions.revoke(ctx.sessionId);
    await this.revocation.revokeJti(ctx.jti, ctx.exp);
    return this.startSession(await this.users.get(ctx.userId), origin);
  }

  private async issue(
    session: AppSession,
    manager: import('typeorm').EntityManager,
  ): Promise<IssuedTokens> {
    const access = await this.tokens.issueAccess(session.userId, session.id);
    const refresh = await this.refreshTokens.issue(session.id, session.expiresAt, manager);
    return {
      access_token: access.token,
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      session: {
        id: session.id,
        scope: session.scope,
        origin: session.origin,
        expires_at: new Date(session.expiresAt).toISOString(),
      },
    };
  }

  private isAdminEmail(email: string): boolean {
    return this.config.env.ADMIN_EMAILS.map(normaliseEmail).includes(normaliseEmail(email));
  }

  private async ensureAdminRole(user: User): Promise<void> {
    if (user.email && this.isAdminEmail(user.email) && !user.roles.includes(Role.Admin)) {
      await this.users.grantRole(user.id, Role.Admin);
    }
  }
}
