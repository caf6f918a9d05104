import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { CollectivesRepository, type ChainRole } from './collectives.repository.js';
import type { Collective } from './entities/collective.entity.js';
import { CollectiveRole } from './entities/membership.entity.js';

/**
 * What the caller may do in a collective. Owners and admins of an ancestor
 * manage every descendant, with an owner's powers there.
 */
export class CollectiveAccess {
  constructor(
    readonly collective: Collective,
    readonly role: CollectiveRole | null,
    readonly viaAncestor: boolean,
  ) {}

  get canManage(): boolean {
    return (
      this.viaAncestor || this.role === CollectiveRole.Owner || this.role === CollectiveRole.Admin
    );
  }

  get canOwn(): boolean {
    return this.viaAncestor || this.role === CollectiveRole.Owner;
  }

  requireManage(): this {
    if (!this.canManage) throw roleRequired('an owner or an admin');
    return this;
  }

  requireOwn(): this {
    if (!this.canOwn) throw roleRequired('an owner');
    return this;
  }
}

export function roleRequired(who: string): DomainError {
  return new DomainError(
    ErrorCode.CollectiveRoleRequired,
    `Only ${who} of the collective may do this.`,
  );
}

/**
 * Resolves access. Someone with no part in a collective gets 404 (its existence
 * does not leak); a member lacking the role gets 403, since members already see
 * that the collective exists.
 */
@Injectable()
export class CollectiveAccessService {
  constructor(private readonly collectives: CollectivesRepository) {}

  async resolve(id: string, userId: string, manager?: EntityManager): Promise<CollectiveAccess> {
    if (!isUuid(id)) throw DomainError.notFound('Collective');
    const { role, viaAncestor } = standing(
      await this.collectives.rolesAlongChain(id, userId, manager),
    );
    if (!role && !viaAncestor) throw DomainError.notFound('Collective');
    const collective = await this.collectives.findById(id, manager);
    if (!collective) throw DomainError.notFound('Collective');
    return new CollectiveAccess(collective, role, viaAncestor);
  }

  /** Whether the caller has any part in the collective: may see that it exists at all. */
  async canSee(userId: string, id: string): Promise<boolean> {
    const { role, viaAncestor } = standing(await this.collectives.rolesAlongChain(id, userId));
    return role !== null || viaAncestor;
  }
}

/** The caller's own role, and whether an ancestor gives them a manager's powers. */
function standing(chain: ChainRole[]): { role: CollectiveRole | null; viaAncestor: boolean } {
  return {
    role: chain.find((r) => r.depth === 0)?.role ?? null,
    viaAncestor: chain.some(
      (r) => r.depth > 0 && (r.role === CollectiveRole.Owner || r.role === CollectiveRole.Admin),
    ),
  };
}
