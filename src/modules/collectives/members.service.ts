import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { pageLimit, toPage, type Page } from '../../platform/http/pagination.js';
import {
  CollectiveAccessService,
  roleRequired,
  type CollectiveAccess,
} from './collective-access.js';
import { CollectivesRepository } from './collectives.repository.js';
import { CollectivesService, uuidCursor } from './collectives.service.js';
import { MemberDto } from './dto/member.dto.js';
import { CollectiveRole } from './entities/membership.entity.js';
import { MembershipsRepository } from './memberships.repository.js';

/**
 * Roles and departures. Owners and admins manage members; only an owner (or a
 * manager of an ancestor) touches ownership; the last owner can neither leave
 * nor be demoted. Changes of one collective are serialised on its row, so two
 * owners demoting each other at once cannot leave it ownerless.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollectiveAccessService,
    private readonly collectives: CollectivesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly collectivesService: CollectivesService,
  ) {}

  async list(
    userId: string,
    id: string,
    query: { limit?: number; after?: string },
  ): Promise<Page<MemberDto>> {
    await this.access.resolve(id, userId);
    const limit = pageLimit(query);
    const rows = await this.memberships.page(id, limit, uuidCursor(query.after));
    return toPage(rows, limit, (r) => [r.id], MemberDto.from);
  }

  async changeRole(
    userId: string,
    id: string,
    targetId: string,
    role: CollectiveRole | undefined,
  ): Promise<MemberDto> {
    const affected = await this.dataSource.transaction(async (manager) => {
      const access = (await this.access.resolve(id, userId, manager)).requireManage();
      const current = await this.targetRole(access, targetId, manager);
      if (role === undefined || role === current) return [];
      if ((current === CollectiveRole.Owner || role === CollectiveRole.Owner) && !access.canOwn) {
        throw roleRequired('an owner');
      }
      await this.assertNotLastOwner(id, current, manager);
      await this.memberships.setRole(id, targetId, role, manager);
      return current === CollectiveRole.Owner
        ? this.withdrawConsentOf(access, targetId, manager)
        : [];
    });
    await this.collectivesService.scopeInputsChanged(affected);
    const member = await this.memberships.findOne(id, targetId);
    if (!member) throw DomainError.notFound('Member');
    return MemberDto.from(member);
  }

  /** A manager removes a member; any member may leave (remove themselves). */
  async remove(userId: string, id: string, targetId: string): Promise<void> {
    const affected = await this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(id, userId, manager);
      const self = targetId === userId;
      if (!self) access.requireManage();
      const current = await this.targetRole(access, targetId, manager);
      if (current === CollectiveRole.Owner && !self && !access.canOwn)
        throw roleRequired('an owner');
      await this.assertNotLastOwner(id, current, manager);
      await this.memberships.remove(id, targetId, manager);
      const withdrawn =
        current === CollectiveRole.Owner
          ? await this.withdrawConsentOf(access, targetId, manager)
          : [];
      // A minor leaving a consenting family loses that consent.
      return [...new Set([targetId, ...withdrawn])];
    });
    await this.collectivesService.scopeInputsChanged(affected);
  }

  /** Locks the collective's row first: every membership change of it goes one at a time. */
  private async targetRole(
    access: CollectiveAccess,
    targetId: string,
    manager: EntityManager,
  ): Promise<CollectiveRole> {
    await this.collectives.lock(access.collective.id, manager);
    const role = isUuid(targetId)
      ? await this.memberships.roleOf(access.collective.id, targetId, manager)
      : null;
    if (!role) throw DomainError.notFound('Member');
    return role;
  }

  private async assertNotLastOwner(
    id: string,
    current: CollectiveRole,
    manager: EntityManager,
  ): Promise<void> {
    if (current !== CollectiveRole.Owner) return;
    if ((await this.memberships.countOwners(id, manager)) <= 1) {
      throw new DomainError(
        ErrorCode.LastOwner,
        'Make someone else an owner first: a collective keeps at least one owner.',
      );
    }
  }

  /** Family consent is the granting owner's: it ends when they stop being an owner. */
  private async withdrawConsentOf(
    access: CollectiveAccess,
    formerOwnerId: string,
    manager: EntityManager,
  ): Promise<string[]> {
    const collective = await this.collectives.findById(access.collective.id, manager);
    if (
      !collective?.parentalConsentGranted ||
      collective.parentalConsentGrantedBy !== formerOwnerId
    ) {
      return [];
    }
    await this.collectives.update(
      collective.id,
      {
        parentalConsentGranted: false,
        parentalConsentGrantedBy: null,
        parentalConsentGrantedAt: null,
      },
      manager,
    );
    return this.memberships.userIds(collective.id, manager);
  }
}
