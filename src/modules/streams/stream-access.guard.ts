import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUuid } from '../../platform/database/uuid.js';
import { DomainError } from '../../platform/http/domain-error.js';
import type { AuthContext } from '../auth/auth-context.js';
import { OWNED_KEY } from '../auth/auth.decorators.js';
import { StreamsService } from './streams.service.js';

/**
 * Answers 404 for a stream that is not the caller's before the body is
 * validated: another user's id must look exactly like a missing one, whatever
 * the request carries. The check is the cached one of the append hot path.
 */
@Injectable()
export class StreamAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly streams: StreamsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const owned = this.reflector.get<{ param: string; kind: string } | undefined>(
      OWNED_KEY,
      context.getHandler(),
    );
    if (owned?.kind !== 'stream') return true;
    const req = context
      .switchToHttp()
      .getRequest<{ user?: AuthContext; params: Record<string, string | undefined> }>();
    const userId = req.user?.userId;
    if (!userId) return true;
    const id = req.params[owned.param];
    if (!id || !isUuid(id)) throw DomainError.notFound('Stream');
    await this.streams.assertOwner(userId, id);
    return true;
  }
}
