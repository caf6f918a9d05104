import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { AgeClass, UserType } from '../users/entities/user.entity.js';
import { CollectiveRole } from './entities/membership.entity.js';
import {
  ErasesUserData,
  eraseColumns,
  rescopeStep,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../platform/erasure/index.js';

/** `isMinor` in SQL: no minor ever becomes an owner (an unset field is not a minor's). */
const ADULT = `NOT (coalesce(u.user_type, '') = '${UserType.Teenager}' OR coalesce(u.age_class, '') IN ('${AgeClass.Child}', '${AgeClass.Preteen}', '${AgeClass.Teenager}'))`;

/**
 * A user's memberships, invitations and consents in collectives. The edges:
 * - the last owner of a collective: ownership passes to the longest-standing
 *   adult admin, else adult member (a minor never becomes owner: the owner of a
 *   family grants its minors' consent); with no one to take it, a collective
 *   nobody else belongs to is removed (its sub-collectives move up to its
 *   parent), one with members stays without an owner;
 * - a parent who granted a family's consent: the consent goes (the family's
 *   minors drop to PENDING_CONSENT at once), the family and its members stay.
 */
@ErasesUserData({ order: 40 })
export class CollectiveErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'app.collective_memberships', column: 'user_id', action: 'delete' },
    { table: 'app.invitations', column: 'inviter_id', action: 'delete' },
    { table: 'app.invitations', column: 'accepted_by', action: 'detach' },
    { table: 'app.collectives', column: 'parental_consent_granted_by', action: 'detach' },
  ];

  constructor(private readonly events: DomainEvents) {}

  async erase(userId: string, { manager }: UserEraseContext) {
    const minors = await this.withdrawFamilyConsent(userId, manager);
    const ownerless = await this.passOwnership(userId, manager);
    const removed = await eraseColumns(manager, this.columns, userId);
    removed['app.collectives'] = await this.dissolveEmpty(ownerless, manager);
    return {
      removed,
      outside: [rescopeStep(this.events, minors, 'minor(s) in families')],
    };
  }

  /** Families whose consent the user granted lose it; their minors, to tell. */
  private async withdrawFamilyConsent(userId: string, manager: EntityManager): Promise<string[]> {
    const [families] = (await manager.query(
      `UPDATE app.collectives
          SET parental_consent_granted = false, parental_consent_granted_at = NULL, updated_at = now()
        WHERE parental_consent_granted_by = $1 AND parental_consent_granted
        RETURNING id`,
      [userId],
    )) as [{ id: string }[], number];
    if (families.length === 0) return [];
    const members = (await manager.query(
      `SELECT DISTINCT user_id FROM app.collective_memberships
        WHERE collective_id = ANY($1::uuid[]) AND user_id <> $2`,
      [families.map((f) => f.id), userId],
    )) as { user_id: string }[];
    return members.map((m) => m.user_id);
  }

  /** Collectives the user is the only owner of get a new owner; those no one took. */
  private async passOwnership(userId: string, manager: EntityManager): Promise<string[]> {
    const sole = (await manager.query(
      `SELECT m.collective_id AS id FROM app.collective_memberships m
        WHERE m.user_id = $1 AND m.role = $2
          AND NOT EXISTS (SELECT 1 FROM app.collective_memberships o
                           WHERE o.collective_id = m.collective_id AND o.role = $2 AND o.user_id <> $1)
        FOR UPDATE`,
      [userId, CollectiveRole.Owner],
    )) as { id: string }[];
    const ownerless: string[] = [];
    for (const { id } of sole) {
      const [next] = (await manager.query(
        `UPDATE app.collective_memberships SET role = $3 WHERE id = (
           SELECT m.id FROM app.collective_memberships m JOIN app.users u ON u.id = m.user_id
            WHERE m.collective_id = $1 AND m.user_id <> $2 AND ${ADULT}
            ORDER BY (m.role = $4) DESC, m.created_at, m.id LIMIT 1)
         RETURNING id`,
        [id, userId, CollectiveRole.Owner, CollectiveRole.Admin],
      )) as [unknown[], number];
      if (next.length === 0) ownerless.push(id);
    }
    return ownerless;
  }

  /** Of the collectives left without an owner, those nobody belongs to go; how many. */
  private async dissolveEmpty(ids: string[], manager: EntityManager): Promise<number> {
    let dissolved = 0;
    for (const id of ids) {
      const [others] = (await manager.query(
        `SELECT count(*)::int AS n FROM app.collective_memberships WHERE collective_id = $1`,
        [id],
      )) as { n: number }[];
      if (others!.n > 0) continue;
      await manager.query(
        `UPDATE app.collectives SET parent_id = (SELECT parent_id FROM app.collectives WHERE id = $1)
          WHERE parent_id = $1`,
        [id],
      );
      await manager.query(`DELETE FROM app.collectives WHERE id = $1`, [id]);
      dissolved++;
    }
    return dissolved;
  }
}
