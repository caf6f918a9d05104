import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountType } from '../users/entities/user.entity.js';
import type { UserLinkedColumn } from './user-linked-columns.js';

/**
 * The statements of a guest merge, all inside the sign-in's transaction. Table
 * and column names come from the fixed USER_LINKED_COLUMNS catalogue, never
 * from input.
 */
@Injectable()
export class GuestMergeRepository {
  /** Locks the guest user; false when it is gone (a concurrent sign-in merged it). */
  async lockGuest(guestId: string, manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT id FROM app.users WHERE id = $1 AND account_type = $2 FOR UPDATE`,
      [guestId, AccountType.Guest],
    )) as { id: string }[];
    return rows.length > 0;
  }

  async deleteUser(guestId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM app.users WHERE id = $1`, [guestId]);
  }

  async conversationCounts(
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
  async dropOlder(
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

  async deleteRemaining(
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
  async move(
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
