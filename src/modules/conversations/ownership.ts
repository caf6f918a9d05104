import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../platform/http/domain-error.js';
import { isUuid } from '../../platform/database/uuid.js';
import type { AuthContext } from '../auth/auth-context.js';
import { OWNED_KEY } from '../auth/auth.decorators.js';
import { ConversationsRepository } from './conversations.repository.js';

const MAX_ENTRIES = 100_000;

/**
 * Owners of conversations this instance has seen. A conversation never changes
 * owner, so a remembered pair stays true until the conversation is erased; and
 * the services re-check ownership in their own statements, so a stale entry
 * can only let a request reach the service, never past it.
 */
@Injectable()
export class ConversationOwners {
  private readonly owners = new Map<string, string>();

  constructor(private readonly conversations: ConversationsRepository) {}

  /** From memory when this instance has seen the pair, else one indexed lookup. */
  async isOwner(id: string, userId: string): Promise<boolean> {
    if (this.owners.get(id) === userId) return true;
    // Only owners are remembered: a miss must look again, the conversation may be new.
    if (!(await this.conversations.isOwned(id, userId))) return false;
    this.remember(id, userId);
    return true;
  }

  remember(id: string, userId: string): void {
    if (this.owners.size >= MAX_ENTRIES) this.owners.clear();
    this.owners.set(id, userId);
  }

  forget(id: string): void {
    this.owners.delete(id);
  }
}

/**
 * Answers 404 for a conversation that is not the caller's before the body is
 * validated: another user's id must look exactly like a missing one, whatever
 * the request carries.
 */
@Injectable()
export class ConversationAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly owners: ConversationOwners,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const owned = this.reflector.get<{ param: string; kind: string } | undefined>(
      OWNED_KEY,
      context.getHandler(),
    );
    if (owned?.kind !== 'conversation') return true;
    const req = context
      .switchToHttp()
      .getRequest<{ user?: AuthContext; params: Record<string, string | undefined> }>();
    const id = req.params[owned.param];
    const userId = req.user?.userId;
    if (!userId) return true;
    if (!id || !isUuid(id)) throw DomainError.notFound('Conversation');
    if (!(await this.owners.isOwner(id, userId))) throw DomainError.notFound('Conversation');
    return true;
  }
}
