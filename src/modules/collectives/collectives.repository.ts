import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Collective, CollectiveType } from './entities/collective.entity.js';
import { CollectiveMembership, type CollectiveRole } from './entities/membership.entity.js';

/** Hierarchies deeper than this are refused; it also bounds every walk up the tree. */
export const MAX_DEPTH = 16;

export interface ChainRole {
  depth: number;
  role: CollectiveRole;
}

export type CollectiveWithRole = Collective & { myRole: CollectiveRole };

@Injectable()
export class CollectivesRepository {
  constructor(@InjectRepository(Collective) private readonly collectives: Repository<Collective>) {}

  private repo(manager?: EntityManager): Repository<Collective> {
    return manager ? manager.getRepository(Collective) : this.collectives;
  }

  async insert(collective: Omit<Collective, 'createdAt' | 'updatedAt'>, manager: EntityManager) {
    await this.repo(manager).insert(collective);
  }

  findById(id: string, manager?: EntityManager): Promise<Collective | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Row lock that serialises membership changes of one collective (the last-owner rule). */
  async lock(id: string, manager: EntityManager): Promise<Collective | null> {
    return this.repo(manager)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  /** Serialises re-parenting, so two concurrent moves cannot close a cycle between them. */
  async lockHierarchy(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('parley.collectives.hierarchy'))`);
  }

  /** The caller's memberships in the collective and each of its ancestors (depth 0: itself). */
  async rolesAlongChain(id: string, userId: string, manager?: EntityManager): Promise<ChainRole[]> {
    return (await this.repo(manager).query(
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id, 0 AS depth FROM app.collectives WHERE id = $1
         UNION ALL
         SELECT c.id, c.parent_id, chain.depth + 1
           FROM app.collectives c JOIN chain ON c.id = chain.parent_id
          WHERE chain.depth < $3)
       SELECT chain.depth, m.role
         FROM chain JOIN app.collective_memberships m
           ON m.collective_id = chain.id AND m.user_id = $2`,
      [id, userId, MAX_DEPTH],
    )) as ChainRole[];
  }

  /** Ids from `id` up to its root, itself first. */
  async ancestry(id: string, manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(
      `WITH RECURSIVE chain AS (
         SELECT id, parent_id, 0 AS depth FROM app.collectives WHERE id = $1
         UNION ALL
         SELECT c.id, c.parent_id, chain.depth + 1
           FROM app.collectives c JOIN chain ON c.id = chain.parent_id
          WHERE chain.depth <= $2)
       SELECT id FROM chain ORDER BY depth`,
      [id, MAX_DEPTH],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Levels below `id` (0 for a leaf), bounded by MAX_DEPTH. */
  async heightBelow(id: string, manager: EntityManager): Promise<number> {
    const rows = (await manager.query(
      `WITH RECURSIVE tree AS (
         SELECT id, 0 AS depth FROM app.collectives WHERE id = $1
         UNION ALL
         SELECT c.id, tree.depth + 1 FROM app.collectives c JOIN tree ON c.parent_id = tree.id
          WHERE tree.depth <= $2)
       SELECT max(depth)::int AS height FROM tree`,
      [id, MAX_DEPTH],
    )) as { height: number | null }[];
    return rows[0]?.height ?? 0;
  }

  async update(id: string, patch: QueryDeepPartialEntity<Collective>, manager?: EntityManager) {
    await this.repo(manager).update({ id }, patch);
  }

  hasChildren(id: string, manager: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ parentId: id });
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  /** The collectives I am a member of, by id. */
  async pageOfMember(userId: string, limit: number, after?: string): Promise<CollectiveWithRole[]> {
    const qb = this.collectives
      .createQueryBuilder('c')
      .innerJoin(CollectiveMembership, 'm', 'm.collective_id = c.id AND m.user_id = :userId', {
        userId,
      })
      .addSelect('m.role', 'my_role')
      .orderBy('c.id')
      .limit(limit + 1);
    if (after) qb.andWhere('c.id > :after', { after });
    const { entities, raw } = await qb.getRawAndEntities<{ my_role: CollectiveRole }>();
    return entities.map((c, i) => Object.assign(c, { myRole: raw[i]!.my_role }));
  }

  /** A minor of a family whose owner granted consent has parental consent (seed 001). */
  async inConsentingFamily(userId: string, manager?: EntityManager): Promise<boolean> {
    const rows = (await this.repo(manager).query(
      `SELECT 1 FROM app.collective_memberships m JOIN app.collectives c ON c.id = m.collective_id
        WHERE m.user_id = $1 AND c.type = $2 AND c.parental_consent_granted LIMIT 1`,
      [userId, CollectiveType.Family],
    )) as unknown[];
    return rows.length > 0;
  }
}
