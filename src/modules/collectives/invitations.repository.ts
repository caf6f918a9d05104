import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { Invitation, InvitationStatus } from './entities/invitation.entity.js';

const USABLE = [InvitationStatus.Pending, InvitationStatus.Active];

@Injectable()
export class InvitationsRepository {
  constructor(@InjectRepository(Invitation) private readonly invitations: Repository<Invitation>) {}

  async insert(invitation: Omit<Invitation, 'createdAt'>): Promise<Invitation> {
    await this.invitations.insert(invitation);
    return (await this.invitations.findOneBy({ id: invitation.id }))!;
  }

  page(collectiveId: string, limit: number, after?: string): Promise<Invitation[]> {
    const qb = this.invitations
      .createQueryBuilder('i')
      .where('i.collective_id = :collectiveId', { collectiveId })
      .orderBy('i.id')
      .limit(limit + 1);
    if (after) qb.andWhere('i.id > :after', { after });
    return qb.getMany();
  }

  async revoke(id: string, collectiveId: string): Promise<boolean> {
    const result = await this.invitations.update(
      { id, collectiveId },
      { status: InvitationStatus.Revoked },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Takes one use in a single conditional statement: under concurrent accepts
   * each UPDATE waits for the row lock and re-checks `current_uses < usage_limit`
   * on the row as committed, so the limit is never exceeded.
   */
  async takeUse(
    tokenHash: string,
    userId: string,
    manager: EntityManager,
  ): Promise<Invitation | null> {
    const [rows] = (await manager.query(
      `UPDATE app.invitations
          SET current_uses = current_uses + 1,
              status = CASE WHEN usage_limit IS NOT NULL AND current_uses + 1 >= usage_limit
                            THEN $3 ELSE $4 END,
              accepted_at = now(), accepted_by = $2
        WHERE token_hash = $1 AND status = ANY($5) AND expires_at > now()
          AND (usage_limit IS NULL OR current_uses < usage_limit)
        RETURNING id`,
      [tokenHash, userId, InvitationStatus.Accepted, InvitationStatus.Active, USABLE],
    )) as [{ id: string }[], number];
    const id = rows[0]?.id;
    return id ? manager.getRepository(Invitation).findOneBy({ id }) : null;
  }

  findByHash(tokenHash: string, manager?: EntityManager): Promise<Invitation | null> {
    return (manager ? manager.getRepository(Invitation) : this.invitations).findOneBy({
      tokenHash,
    });
  }
}
