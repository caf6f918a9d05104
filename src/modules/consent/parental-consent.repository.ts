import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { ParentalConsent } from './entities/parental-consent.entity.js';
import { ParentalRequest, ParentalRequestStatus } from './entities/parental-request.entity.js';

export interface ChildRow {
  userId: string;
  name: string | null;
  userType: string | null;
  ageClass: string | null;
  consentedAt: Date;
}

@Injectable()
export class ParentalConsentRepository {
  constructor(
    @InjectRepository(ParentalConsent) private readonly consents: Repository<ParentalConsent>,
    @InjectRepository(ParentalRequest) private readonly requests: Repository<ParentalRequest>,
  ) {}

  hasParent(teenagerId: string, manager?: EntityManager): Promise<boolean> {
    const repo = manager ? manager.getRepository(ParentalConsent) : this.consents;
    return repo.existsBy({ teenagerId });
  }

  async insertRequest(request: Omit<ParentalRequest, 'createdAt'>): Promise<void> {
    await this.requests.insert(request);
  }

  countPendingSince(teenagerId: string, since: Date): Promise<number> {
    return this.requests
      .createQueryBuilder('r')
      .where('r.teenager_id = :teenagerId AND r.status = :status AND r.created_at > :since', {
        teenagerId,
        status: ParentalRequestStatus.Pending,
        since,
      })
      .getCount();
  }

  /**
   * Marks a pending, unexpired request approved in one conditional statement, so
   * two approvals of one token cannot both pass. Returns the minor's id.
   */
  async approvePending(
    tokenHash: string,
    parentId: string,
    manager: EntityManager,
  ): Promise<string | null> {
    const rows = (await manager.query(
      `UPDATE app.parental_requests
          SET status = $3, approved_at = now(), approved_by = $2
        WHERE token_hash = $1 AND status = $4 AND expires_at > now()
        RETURNING teenager_id AS "teenagerId"`,
      [tokenHash, parentId, ParentalRequestStatus.Approved, ParentalRequestStatus.Pending],
    )) as [{ teenagerId: string }[], number];
    return rows[0][0]?.teenagerId ?? null;
  }

  findRequestByHash(tokenHash: string, manager: EntityManager): Promise<ParentalRequest | null> {
    return manager.getRepository(ParentalRequest).findOneBy({ tokenHash });
  }

  async link(
    parentId: string,
    teenagerId: string,
    ip: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ParentalConsent)
      .values({ parentId, teenagerId, consentIp: ip })
      .orIgnore()
      .execute();
  }

  async unlink(parentId: string, teenagerId: string): Promise<boolean> {
    const result = await this.consents.delete({ parentId, teenagerId });
    return (result.affected ?? 0) > 0;
  }

  /** Minors linked to a parent, by child id (UUIDv7: oldest accounts first). */
  async childrenPage(
    parentId: string,
    limit: number,
    after?: string,
    only?: string,
  ): Promise<ChildRow[]> {
    return (await this.consents.query(
      `SELECT u.id AS "userId", u.name, u.user_type AS "userType", u.age_class AS "ageClass",
              pc.created_at AS "consentedAt"
         FROM app.parental_consents pc JOIN app.users u ON u.id = pc.teenager_id
        WHERE pc.parent_id = $1 AND ($2::uuid IS NULL OR pc.teenager_id > $2::uuid)
          AND ($4::uuid IS NULL OR pc.teenager_id = $4::uuid)
        ORDER BY pc.teenager_id
        LIMIT $3`,
      [parentId, after ?? null, limit + 1, only ?? null],
    )) as ChildRow[];
  }
}
