import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AppSession, SessionScope } from './entities/app-session.entity.js';
import type { AccountType, Role } from '../users/entities/user.entity.js';

export interface SessionStateRow {
  id: string;
  userId: string;
  scope: SessionScope;
  /** Where the session signed in (web, discord…): feature flags target it. */
  origin?: string;
  expiresAt: string;
  revoked: boolean;
  roles: Role[];
  accountType: AccountType;
  userActive: boolean;
  /** Epoch seconds of the last password change; tokens issued before it are dead. */
  passwordChangedAt: number | null;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(AppSession) private readonly sessions: Repository<AppSession>) {}

  private repo(manager?: EntityManager): Repository<AppSession> {
    return manager ? manager.getRepository(AppSession) : this.sessions;
  }

  async insert(session: AppSession, manager?: EntityManager): Promise<void> {
    // JSON columns defeat TypeORM's deep-partial typing; the entity is complete.
    await this.repo(manager).insert(session as QueryDeepPartialEntity<AppSession>);
  }

  findOwned(id: string, userId: string): Promise<AppSession | null> {
    return this.sessions.findOneBy({ id, userId });
  }

  /** What the auth guard needs to know, in one statement. */
  async findState(id: string): Promise<SessionStateRow | null> {
    const rows = (await this.sessions.query(
      `SELECT s.id, s.user_id AS "userId", s.scope, s.origin, s.expires_at AS "expiresAt",
              (s.revoked_at IS NOT NULL) AS revoked, u.roles, u.account_type AS "accountType",
              (u.disabled_at IS NULL) AS "userActive",
              floor(extract(epoch FROM u.password_changed_at))::bigint AS "passwordChangedAt"
         FROM app.app_sessions s JOIN app.users u ON u.id = s.user_id
        WHERE s.id = $1`,
      [id],
    )) as (Omit<SessionStateRow, 'expiresAt' | 'passwordChangedAt'> & {
      expiresAt: Date;
      passwordChangedAt: string | null;
    })[];
    const row = rows[0];
    if (!row) return null;
    return {
      ...row,
      expiresAt: row.expiresAt.toISOString(),
      passwordChangedAt: row.passwordChangedAt === null ? null : Number(row.passwordChangedAt),
    };
  }

  /** Live sessions of a user, newest first, keyset-paginated on (created_at, id). */
  listLive(userId: string, limit: number, after?: [string, string]): Promise<AppSession[]> {
    const qb = this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', { userId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(s.created_at, s.id) < (:at, :id)', { at: after[0], id: after[1] });
    return qb.getMany();
  }

  async revoke(id: string, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(AppSession)
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Revokes every live session of the user (but one, if named) and returns their ids. */
  async revokeAllOfUser(
    userId: string,
    exceptId?: string,
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows = (await this.repo(manager).query(
      `UPDATE app.app_sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
        RETURNING id`,
      [userId, exceptId ?? null],
    )) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  /** Moves every live session of the user to a scope; returns the ids that changed. */
  async setScopeOfUser(userId: string, scope: SessionScope): Promise<string[]> {
    const rows = (await this.sessions.query(
      `UPDATE app.app_sessions SET scope = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND scope <> $2 RETURNING id`,
      [userId, scope],
    )) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  async liveIdsOfUser(userId: string): Promise<string[]> {
    const rows = (await this.sessions.query(
      `SELECT id FROM app.app_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Records activity at most once a minute per session, not on every request. */
  async touch(id: string): Promise<void> {
    await this.sessions.query(
      `UPDATE app.app_sessions SET last_active_at = now()
        WHERE id = $1 AND last_active_at < now() - interval '60 seconds'`,
      [id],
    );
  }
}
