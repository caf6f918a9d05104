import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, uuidv7 } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { pageLimit, toPage, type Page } from '../../platform/http/pagination.js';
import { newOpaqueToken, sha256 } from '../auth/token-hash.js';
import { UsersService } from '../users/users.service.js';
import { CollectiveAccessService } from './collective-access.js';
import { CollectivesService, uuidCursor } from './collectives.service.js';
import type { CollectiveDto } from './dto/collective.dto.js';
import {
  InvitationDto,
  type CreatedInvitationDto,
  type CreateInvitationDto,
} from './dto/invitation.dto.js';
import { Invitation, InvitationStatus } from './entities/invitation.entity.js';
import { CollectiveRole } from './entities/membership.entity.js';
import { InvitationsRepository } from './invitations.repository.js';
import { MembershipsRepository } from './memberships.repository.js';

export const INVITATION_TTL_DAYS = 7;
const MAX_TTL_DAYS = 365;

/** Invitations into a collective: created by its managers, accepted by anyone holding the token. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollectiveAccessService,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly collectives: CollectivesService,
    private readonly users: UsersService,
  ) {}

  async create(
    userId: string,
    id: string,
    input: CreateInvitationDto,
  ): Promise<CreatedInvitationDto> {
    (await this.access.resolve(id, userId)).requireManage();
    const now = Date.now();
    const expiresAt = input.expires_at ?? new Date(now + INVITATION_TTL_DAYS * 86_400_000);
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + MAX_TTL_DAYS * 86_400_000) {
      throw new DomainError(ErrorCode.ValidationFailed, 'expires_at is out of range.', {
        errors: [
          { field: 'expires_at', message: `must be in the future, within ${MAX_TTL_DAYS} days` },
        ],
      });
    }
    const token = newOpaqueToken();
    const invitation = await this.invitations.insert({
      id: uuidv7(),
      collectiveId: id,
      inviterId: userId,
      tokenHash: sha256(token),
      ageClass: input.age_class ?? null,
      language: input.language ?? null,
      label: input.label ?? null,
      // An age-class invitation names one child: one use unless said otherwise (seed 001).
      usageLimit: input.usage_limit ?? (input.age_class ? 1 : null),
      currentUses: 0,
      status: InvitationStatus.Pending,
      expiresAt,
      acceptedAt: null,
      acceptedBy: null,
    });
    return { ...InvitationDto.from(invitation), token };
  }

  async list(
    userId: string,
    id: string,
    query: { limit?: number; after?: string },
  ): Promise<Page<InvitationDto>> {
    (await this.access.resolve(id, userId)).requireManage();
    const limit = pageLimit(query);
    const rows = await this.invitations.page(id, limit, uuidCursor(query.after));
    const now = new Date();
    return toPage(
      rows,
      limit,
      (i) => [i.id],
      (i) => InvitationDto.from(i, now),
    );
  }

  async revoke(userId: string, id: string, invitationId: string): Promise<void> {
    (await this.access.resolve(id, userId)).requireManage();
    if (!isUuid(invitationId) || !(await this.invitations.revoke(invitationId, id))) {
      throw DomainError.notFound('Invitation');
    }
  }

  /**
   * Joins the collective as a member. The use is taken by one conditional
   * UPDATE and the membership inserted in the same transaction: a refused
   * membership gives the use back, and the limit holds under concurrent accepts.
   */
  async accept(userId: string, token: string): Promise<CollectiveDto> {
    const user = await this.users.get(userId);
    const hash = sha256(token);
    const collectiveId = await this.dataSource.transaction(async (manager) => {
      const found = await this.invitations.findByHash(hash, manager);
      if (!found) throw DomainError.notFound('Invitation');
      if (found.ageClass && user.ageClass && found.ageClass !== user.ageClass) {
        throw new DomainError(
          ErrorCode.InvitationAgeClassMismatch,
          `This invitation is for the age class ${found.ageClass}.`,
        );
      }
      if (await this.memberships.roleOf(found.collectiveId, userId, manager)) {
        throw new DomainError(ErrorCode.AlreadyMember, 'You already belong to this collective.');
      }
      const taken = await this.invitations.takeUse(hash, userId, manager);
      if (!taken) throw refusal((await this.invitations.findByHash(hash, manager)) ?? found);
      if (
        !(await this.memberships.insertIfAbsent(
          taken.collectiveId,
          userId,
          CollectiveRole.Member,
          manager,
        ))
      ) {
        throw new DomainError(ErrorCode.AlreadyMember, 'You already belong to this collective.');
      }
      return taken.collectiveId;
    });
    // Joining a family that consented gives a minor their consent: sessions move now.
    await this.collectives.scopeInputsChanged([userId]);
    return this.collectives.get(userId, collectiveId);
  }
}

function refusal(invitation: Invitation): DomainError {
  if (invitation.status === InvitationStatus.Revoked) {
    return new DomainError(ErrorCode.InvitationRevoked, 'This invitation was revoked.');
  }
  const usedUp =
    invitation.status === InvitationStatus.Accepted ||
    (invitation.usageLimit !== null && invitation.currentUses >= invitation.usageLimit);
  if (usedUp)
    return new DomainError(ErrorCode.InvitationUsedUp, 'This invitation has no uses left.');
  return new DomainError(ErrorCode.InvitationExpired, 'This invitation has expired.');
}
