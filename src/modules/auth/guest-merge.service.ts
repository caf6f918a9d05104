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
import { JwtStrategy } from './jwt.strategy.js';
import { RevocationService } from './revocation.service.js';
import { SessionsService } from './sessions.service.js';
import { bearerToken, type AccessClaims } from './verified-tokens.js';

/**
 * What the merge does with one user-linked column of the guest:
 * - `move`: the rows now belong to the account;
 * - `move-unless-held`: moved, except rows whose `conflict` key the account
 *   already holds (the account's row stays, the guest's is dropped);
 * - `newer-wins`: as `move-unless-held`, but the row with the newer
 *   `updated_at` wins (a tie, or an expired guest row, keeps the account's);
 * - `drop`: removed with the guest (ON DELETE CASCADE): credentials and
 *   consents belong to the person who gave them, and the account has its own;
 * - `keep`: left as it is (append-only history names the guest who acted).
 */
export type MergePolicy = 'move' | 'move-unless-held' | 'newer-wins' | 'drop' | 'keep';

export interface UserLinkedColumn {
  table: string;
  column: string;
  policy: MergePolicy;
  /** The other columns of the unique key, for `move-unless-held` and `newer-wins`. */
  conflict?: string[];
}

/**
 * Every column that names a user, and what a merge does with it. A test reads
 * the catalogue and fails when a column that references `app.users` (or is
 * called `user_id`) is missing here, so a new table cannot be forgotten.
 */
export const USER_LINKED_COLUMNS: readonly UserLinkedColumn[] = [
  { table: 'app.conversations', column: 'user_id', policy: 'move' },
  { table: 'app.feedback', column: 'user_id', policy: 'move' },
  {
    table: 'app.message_votes',
    column: 'user_id',
    policy: 'move-unless-held',
    conflict: ['message_id'],
  },
  { table: 'app.artifacts', column: 'user_id', policy: 'move' },
  { table: 'app.artifact_uploads', column: 'user_id', policy: 'move' },
  { table: 'app.streams', column: 'user_id', policy: 'move' },
  // Analyses follow the conversations they describe.
  { table: 'app.conversation_analytics', column: 'owner_id', policy: 'move' },
  {
    table: 'memory.items',
    column: 'user_id',
    policy: 'newer-wins',
    conflict: ['namespace', 'key'],
  },
  { table: 'memory.rejected_summaries', column: 'user_id', policy: 'move' },
  {
    table: 'app.collective_memberships',
    column: 'user_id',
    policy: 'move-unless-held',
    conflict: ['collective_id'],
  },
  {
    table: 'app.user_api_keys',
    column: 'user_id',
    policy: 'move-unless-held',
    conflict: ['provider'],
  },
  { table: 'app.idp_logins', column: 'user_id', policy: 'move' },
  { table: 'app.invitations', column: 'inviter_id', policy: 'move' },
  { table: 'app.invitations', column: 'accepted_by', policy: 'move' },
  { table: 'app.parental_requests', column: 'approved_by', policy: 'move' },
  { table: 'app.collectives', column: 'parental_consent_granted_by', policy: 'move' },
  { table: 'app.app_sessions', column: 'user_id', policy: 'drop' },
  { table: 'app.password_reset_tokens', column: 'user_id', policy: 'drop' },
  { table: 'app.user_consents', column: 'user_id', policy: 'drop' },
  { table: 'app.parental_consents', column: 'parent_id', policy: 'drop' },
  { table: 'app.parental_consents', column: 'teenager_id', policy: 'drop' },
  { table: 'app.parental_requests', column: 'teenager_id', policy: 'drop' },
  { table: 'app.audit_log', column: 'actor_id', policy: 'keep' },
];

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
    const [locked] = (await manager.query(
      `SELECT id FROM app.users WHERE id = $1 AND account_type = $2 FOR UPDATE`,
      [guestId, AccountType.Guest],
    )) as { id: string }[];
    if (!locked) return null;
    const [conversationIds, counts] = await this.conversationCounts(guestId, manager);
    const tables: Record<string, number> = {};
    let memoryDropped = 0;
    for (const link of USER_LINKED_COLUMNS) {
      if (link.policy === 'drop' || link.policy === 'keep') continue;
      if (link.policy === 'newer-wins') {
        memoryDropped += await this.dropOlder(link, guestId, accountId, manager);
      }
      const moved = await this.move(link, guestId, accountId, manager);
      if (link.policy === 'newer-wins') {
        // What is left of the guest's lost to a newer row of the account.
        memoryDropped += await this.deleteRemaining(link, guestId, manager);
      }
      if (moved > 0) tables[link.table] = (tables[link.table] ?? 0) + moved;
    }
    const sessionIds = await this.sessions.revokeAll(guestId, undefined, manager);
    await manager.query(`DELETE FROM app.users WHERE id = $1`, [guestId]);
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

  private async conversationCounts(
    guestId: string,
    manager: EntityManager,
  ): Promise<[string[], { messages: number; chatSessions: number }]> {
    const rows = (await manager.query(
      `SELECT c.id,
              (SELECT count(*) FROM app.messages m WHERE m.conversation_id = c.id)::int AS messages,
              (SELECT count(*) FROM app.chat_sessions s WHERE s.conversation_id = c.id)::int AS sessions
         FROM app.conversations c WHERE c.user_id = $1 FOR UPDATE`,
      [guestId],
    )) as { id: string; messages: number; sessions: number }[];
    return [
      rows.map((r) => r.id),
      {
        messages: rows.reduce((n, r) => n + r.messages, 0),
        chatSessions: rows.reduce((n, r) => n + r.sessions, 0),
      },
    ];
  }

  /** Rows of the account that lose to a newer, unexpired row of the guest with the same key. */
  private async dropOlder(
    link: UserLinkedColumn,
    guestId: string,
    accountId: string,
    manager: EntityManager,
  ): Promise<number> {
    const same = link.conflict!.map((c) => `a.${c} = g.${c}`).join(' AND ');
    const [, affected] = (await manager.query(
      `DELETE FROM ${link.table} a USING ${link.table} g
        WHERE a.${link.column} = $2 AND g.${link.column} = $1 AND ${same}
          AND g.updated_at > a.updated_at
          AND (g.expires_at IS NULL OR g.expires_at > now())`,
      [guestId, accountId],
    )) as [unknown, number];
    return affected;
  }

  private async deleteRemaining(
    link: UserLinkedColumn,
    guestId: string,
    manager: EntityManager,
  ): Promise<number> {
    const [, affected] = (await manager.query(
      `DELETE FROM ${link.table} WHERE ${link.column} = $1`,
      [guestId],
    )) as [unknown, number];
    return affected;
  }

  /** Moves the guest's rows; with a conflict key, only those the account does not hold. */
  private async move(
    link: UserLinkedColumn,
    guestId: string,
    accountId: string,
    manager: EntityManager,
  ): Promise<number> {
    const unless = link.conflict
      ? ` AND NOT EXISTS (SELECT 1 FROM ${link.table} a WHERE a.${link.column} = $2 AND ${link.conflict
          .map((c) => `a.${c} = g.${c}`)
          .join(' AND ')})`
      : '';
    const [, affected] = (await manager.query(
      `UPDATE ${link.table} g SET ${link.column} = $2 WHERE g.${link.column} = $1${unless}`,
      [guestId, accountId],
    )) as [unknown, number];
    return affected;
  }
}
