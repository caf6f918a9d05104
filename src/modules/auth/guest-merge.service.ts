import { Inject, Injectable, Logger } from '@nestjs/common';
import { jwtVerify } from 'jose';
import type { EntityManager } from 'typeorm';
import { OwnerCache } from '../../platform/access/owner-cache.js';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { SecretsService } from '../../platform/config/secrets.service.js';
import { CONVERSATION } from '../conversations/conversations.service.js';
import { AccountType } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { AuthContext } from './auth-context.js';
import { GuestMergeRepository } from './guest-merge.repository.js';
import { JwtStrategy } from './jwt.strategy.js';
import { RevocationService } from './revocation.service.js';
import { SessionsService } from './sessions.service.js';
import { USER_LINKED_COLUMNS } from './user-linked-columns.js';
import { bearerToken, type AccessClaims } from './verified-tokens.js';

/** What a merge moved, as the token response shows it. */
export interface MergeReceipt {
  guest_id: string;
  conversations: number;
  messages: number;
  chat_sessions: number;
  memory_items: number;
  memory_items_dropped: number;
  artifacts: number;
  feedback: number;
  votes: number;
  /** Rows moved per table, every moved table included. */
  tables: Record<string, number>;
}

export type MergeSkipReason = 'invalid-token' | 'not-a-guest' | 'same-account';

/** The guest a sign-in was sent with, or why it is not merged. */
export type MergeCandidate =
  | { kind: 'none' }
  | { kind: 'guest'; guest: AuthContext }
  | { kind: 'skip'; reason: MergeSkipReason };

/** The guest a sign-in of `accountId` merges, or why it merges none. */
export function mergeDecision(
  token: { kind: 'none' } | { kind: 'invalid' } | { kind: 'valid'; caller: AuthContext },
  accountId: string,
): MergeCandidate {
  if (token.kind === 'none') return token;
  if (token.kind === 'invalid') return { kind: 'skip', reason: 'invalid-token' };
  if (token.caller.userId === accountId) return { kind: 'skip', reason: 'same-account' };
  if (token.caller.accountType !== AccountType.Guest)
    return { kind: 'skip', reason: 'not-a-guest' };
  return { kind: 'guest', guest: token.caller };
}

/**
 * Merging a guest into the account that signs in with the guest's bearer
 * token: everything the guest owns moves in the sign-in's transaction, the
 * guest's sessions end and the guest user is removed.
 */
@Injectable()
export class GuestMergeService {
  private readonly logger = new Logger('GuestMerge');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly secrets: SecretsService,
    private readonly strategy: JwtStrategy,
    private readonly sessions: SessionsService,
    private readonly revocation: RevocationService,
    private readonly owners: OwnerCache,
    private readonly users: UsersService,
    private readonly repository: GuestMergeRepository,
  ) {}

  /**
   * The guest behind an Authorization header sent with a sign-in. No header:
   * nothing to merge. A token that does not verify, or whose session is gone,
   * does not fail the sign-in: it is reported and skipped.
   */
  async candidate(authorization: string | undefined, accountId: string): Promise<MergeCandidate> {
    return mergeDecision(await this.caller(authorization), accountId);
  }

  private async caller(
    authorization: string | undefined,
  ): Promise<{ kind: 'none' } | { kind: 'invalid' } | { kind: 'valid'; caller: AuthContext }> {
    if (authorization === undefined || authorization === '') return { kind: 'none' };
    const token = bearerToken(authorization);
    if (!token) return { kind: 'invalid' };
    let claims: AccessClaims;
    try {
      ({ payload: claims } = (await jwtVerify(token, this.secrets.jwt.publicKey, {
        issuer: this.config.env.JWT_ISSUER,
        audience: this.config.env.JWT_AUDIENCE,
        algorithms: ['ES256'],
      })) as unknown as { payload: AccessClaims });
    } catch {
      return { kind: 'invalid' };
    }
    const ctx = await this.strategy.resolve(claims);
    return ctx ? { kind: 'valid', caller: ctx } : { kind: 'invalid' };
  }

  /**
   * Moves the guest's rows to the account inside the caller's transaction,
   * revokes the guest's sessions and deletes the guest. Null when the guest is
   * no longer there (a concurrent sign-in merged it first). Owners of moved
   * conversations are forgotten on every instance before the commit (503 and
   * nothing moves when the shared cache cannot take it); call `afterCommit`
   * once the transaction committed.
   */
  async merge(
    guest: AuthContext,
    accountId: string,
    manager: EntityManager,
  ): Promise<{ receipt: MergeReceipt; afterCommit: () => Promise<void> } | null> {
    const guestId = guest.userId;
    if (!(await this.repository.lockGuest(guestId, manager))) return null;
    const [conversationIds, counts] = await this.repository.conversationCounts(guestId, manager);
    const tables: Record<string, number> = {};
    let memoryDropped = 0;
    for (const link of USER_LINKED_COLUMNS) {
      if (link.policy === 'drop' || link.policy === 'keep') continue;
      if (link.policy === 'newer-wins') {
        memoryDropped += await this.repository.dropOlder(link, guestId, accountId, manager);
      }
      const moved = await this.repository.move(link, guestId, accountId, manager);
      if (link.policy === 'newer-wins') {
        // What is left of the guest's lost to a newer row of the account.
        memoryDropped += await this.repository.deleteRemaining(link, guestId, manager);
      }
      if (moved > 0) tables[link.table] = (tables[link.table] ?? 0) + moved;
    }
    const sessionIds = await this.sessions.revokeAll(guestId, undefined, manager);
    await this.repository.deleteUser(guestId, manager);
    await this.owners.forget(CONVERSATION, ...conversationIds);
    const receipt: MergeReceipt = {
      guest_id: guestId,
      conversations: conversationIds.length,
      messages: counts.messages,
      chat_sessions: counts.chatSessions,
      memory_items: tables['memory.items'] ?? 0,
      memory_items_dropped: memoryDropped,
      artifacts: tables['app.artifacts'] ?? 0,
      feedback: tables['app.feedback'] ?? 0,
      votes: tables['app.message_votes'] ?? 0,
      tables: {
        ...tables,
        ...(counts.messages ? { 'app.messages': counts.messages } : {}),
        ...(counts.chatSessions ? { 'app.chat_sessions': counts.chatSessions } : {}),
      },
    };
    const afterCommit = async () => {
      // Again after the commit: a check that read the rows before it may have cached them since.
      await Promise.all([
        this.owners.forget(CONVERSATION, ...conversationIds),
        this.sessions.forget(sessionIds),
        this.revocation.revokeJti(guest.jti, guest.exp),
        this.users.forgetProfile(guestId),
      ]).catch((err: Error) => {
        this.logger.warn(`guest ${guestId} merged, caches not all dropped: ${err.message}`);
      });
    };
    return { receipt, afterCommit };
  }
}
