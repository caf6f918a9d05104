import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { CollectiveMembership, CollectiveRole } from './entities/membership.entity.js';

export interface MemberRow {
  id: string;
  userId: string;
  name: string | null;
  role: CollectiveRole;
  createdAt: Date;
}

@Injectable()
export class MembershipsRepository {
  constructor(
    @InjectRepository(CollectiveMembership)
    private readonly memberships: Repository<CollectiveMembership>,
  ) {}

  private repo(manager?: EntityManager): Repository<CollectiveMembership> {
    return manager ? manager.getRepository(CollectiveMembership) : this.memberships;
  }

  /** False when the user already belongs to the collective (one membership per pair). */
  async insertIfAbsent(
    collectiveId: string,
    userId: string,
    role: CollectiveRole,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO app.collective_memberships (id, collective_id, user_id, role)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (collective_id, user_id) DO NOTHING RETURNING id`,
      [uuidv7(), collectiveId, userId, role],
    )) as unknown[];
    return rows.length > 0;
  }

  async roleOf(
    collectiveId: string,
    userId: string,
    manager?: EntityManager,
  ): Promise<CollectiveRole | null> {
    const row = await this.repo(manager).findOneBy({ collectiveId, userId });
    return row?.role ?? null;
  }

  countOwners(collectiveId: string, manager: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ collectiveId, role: CollectiveRole.Owner });
  }

  async setRole(
    collectiveId: string,
    userId: string,
    role: CollectiveRole,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ collectiveId, userId }, { role });
  }

  async remove(collectiveId: string, userId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ collectiveId, userId });
  }

  async userIds(collectiveId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.repo(manager).find({
      select: { userId: true },
      where: { collectiveId },
    });
    return rows.map((r) => r.userId);
  }

  /** The collectives a user is a direct member of. */
  async collectiveIdsOf(userId: string): Promise<string[]> {
    const rows = await this.repo().find({ select: { collectiveId: true }, where: { userId } });
    return rows.map((r) => r.collectiveId);
  }

  async findOne(collectiveId: string, userId: string): Promise<MemberRow | null> {
    const [row] = await this.rows(collectiveId, 1, undefined, userId);
    return row ?? null;
  }

  /** Members in joining order (membership ids are UUIDv7). */
  page(collectiveId: string, limit: number, after?: string): Promise<MemberRow[]> {
    return this.rows(collectiveId, limit + 1, after);
  }

  private async rows(
    collectiveId: string,
    limit: number,
    after?: string,
    userId?: string,
  ): Promise<MemberRow[]> {
    return (await this.memberships.query(
      `SELECT m.id, m.user_id AS "userId", u.name, m.role, m.created_at AS "createdAt"
         FROM app.collective_memberships m JOIN app.users u ON u.id = m.user_id
        WHERE m.collective_id = $1
          AND ($2::uuid IS NULL OR m.id > $2::uuid)
          AND ($3::uuid IS NULL OR m.user_id = $3::uuid)
        ORDER BY m.id LIMIT $4`,
      [collectiveId, after ?? null, userId ?? null, limit],
    )) as MemberRow[];
  }
}
