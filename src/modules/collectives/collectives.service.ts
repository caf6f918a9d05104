import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { uuidv7 } from '../../platform/database/uuid.js';
import { DomainEvents } from '../../platform/events/domain-events.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../../platform/http/pagination.js';
import { ConsentService } from '../consent/consent.service.js';
import { UserType } from '../users/entities/user.entity.js';
import { isMinor, UsersService } from '../users/users.service.js';
import { CollectiveAccessService, roleRequired } from './collective-access.js';
import { CollectivesRepository, MAX_DEPTH } from './collectives.repository.js';
import {
  CollectiveDto,
  type CreateCollectiveDto,
  type UpdateCollectiveDto,
} from './dto/collective.dto.js';
import { CollectiveType } from './entities/collective.entity.js';
import { CollectiveRole } from './entities/membership.entity.js';
import { MembershipsRepository } from './memberships.repository.js';

export function uuidCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  return decodeCursor(cursor, ['uuid'])[0];
}

/** Collectives and their hierarchy; family consent for minors. */
@Injectable()
export class CollectivesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly collectives: CollectivesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly access: CollectiveAccessService,
    private readonly consent: ConsentService,
    private readonly users: UsersService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.consent.registerParentalConsentSource((userId, manager) =>
      this.collectives.inConsentingFamily(userId, manager),
    );
  }

  async create(userId: string, input: CreateCollectiveDto): Promise<CollectiveDto> {
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      if (input.parent_id) {
        await this.collectives.lockHierarchy(manager);
        await this.assertMayAttach(input.parent_id, userId, 1, manager);
      }
      await this.collectives.insert(
        {
          id,
          name: input.name,
          type: input.type,
          parentId: input.parent_id ?? null,
          parentalConsentGranted: false,
          parentalConsentGrantedBy: null,
          parentalConsentGrantedAt: null,
        },
        manager,
      );
      await this.memberships.insertIfAbsent(id, userId, CollectiveRole.Owner, manager);
    });
    return this.get(userId, id);
  }

  async list(
    userId: string,
    query: { limit?: number; after?: string },
  ): Promise<Page<CollectiveDto>> {
    const limit = pageLimit(query);
    const rows = await this.collectives.pageOfMember(userId, limit, uuidCursor(query.after));
    return toPage(
      rows,
      limit,
      (c) => [c.id],
      (c) => CollectiveDto.from(c, c.myRole),
    );
  }

  /** Ids of the collectives the user is a direct member of (feature-flag targeting). */
  idsOf(userId: string): Promise<string[]> {
    return this.memberships.collectiveIdsOf(userId);
  }

  async get(userId: string, id: string): Promise<CollectiveDto> {
    const access = await this.access.resolve(id, userId);
    return CollectiveDto.from(access.collective, access.role);
  }

  async update(userId: string, id: string, patch: UpdateCollectiveDto): Promise<CollectiveDto> {
    await this.dataSource.transaction(async (manager) => {
      const access = (await this.access.resolve(id, userId, manager)).requireManage();
      const parentId = patch.parent_id;
      if (parentId !== undefined && parentId !== access.collective.parentId) {
        await this.collectives.lockHierarchy(manager);
        // Detaching takes the collective out of its ancestors' hands: an owner's decision.
        if (parentId === null) access.requireOwn();
        else {
          const height = await this.collectives.heightBelow(id, manager);
          const ancestry = await this.assertMayAttach(parentId, userId, height + 1, manager);
          if (ancestry.includes(id)) {
            throw new DomainError(
              ErrorCode.CollectiveCycle,
              'A collective cannot be placed under itself or one of its descendants.',
            );
          }
        }
      }
      await this.collectives.update(
        id,
        {
          ...(patch.name !== undefined && { name: patch.name }),
          ...(parentId !== undefined && { parentId }),
        },
        manager,
      );
    });
    return this.get(userId, id);
  }

  async remove(userId: string, id: string): Promise<void> {
    const affected = await this.dataSource.transaction(async (manager) => {
      const access = (await this.access.resolve(id, userId, manager)).requireOwn();
      await this.collectives.lock(id, manager);
      if (await this.collectives.hasChildren(id, manager)) {
        throw new DomainError(
          ErrorCode.CollectiveHasChildren,
          'Delete or move its sub-collectives first.',
        );
      }
      const members = access.collective.parentalConsentGranted
        ? await this.memberships.userIds(id, manager)
        : [];
      await this.collectives.delete(id, manager);
      return members;
    });
    await this.scopeInputsChanged(affected);
  }

  /** The family's owner, a parent account, grants (or withdraws) consent for its minors. */
  async setParentalConsent(userId: string, id: string, granted: boolean): Promise<CollectiveDto> {
    const members = await this.dataSource.transaction(async (manager) => {
      const access = await this.access.resolve(id, userId, manager);
      if (access.role !== CollectiveRole.Owner) throw roleRequired('the owner');
      if (access.collective.type !== CollectiveType.Family) {
        throw new DomainError(
          ErrorCode.NotAFamily,
          'Only a family collective grants parental consent.',
        );
      }
      const me = await this.users.get(userId, manager);
      if (me.userType !== UserType.Parent || isMinor(me)) {
        throw new DomainError(
          ErrorCode.NotAParent,
          'Only a parent account grants parental consent.',
        );
      }
      await this.collectives.update(
        id,
        {
          parentalConsentGranted: granted,
          parentalConsentGrantedBy: granted ? userId : null,
          parentalConsentGrantedAt: granted ? new Date() : null,
        },
        manager,
      );
      return this.memberships.userIds(id, manager);
    });
    await this.scopeInputsChanged(members);
    return this.get(userId, id);
  }

  /** Live sessions follow consent at once: after the commit, every affected user is recomputed. */
  async scopeInputsChanged(userIds: string[]): Promise<void> {
    for (const userId of userIds) await this.events.emit('user.scope-inputs-changed', { userId });
  }

  /** The new parent must be one the caller manages, and the tree must stay shallow. */
  private async assertMayAttach(
    parentId: string,
    userId: string,
    height: number,
    manager: EntityManager,
  ): Promise<string[]> {
    (await this.access.resolve(parentId, userId, manager)).requireManage();
    const ancestry = await this.collectives.ancestry(parentId, manager);
    if (ancestry.length + height > MAX_DEPTH) {
      throw new DomainError(
        ErrorCode.CollectiveCycle,
        `Collectives nest at most ${MAX_DEPTH} deep.`,
      );
    }
    return ancestry;
  }
}
