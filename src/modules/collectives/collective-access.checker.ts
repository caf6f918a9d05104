import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { CollectiveAccessService } from './collective-access.js';

/**
 * `@Access('collective')`: someone with no part in a collective gets 404. What a
 * member's role allows (403 otherwise) is the services' question, through
 * `CollectiveAccessService.resolve`.
 */
@AccessChecker()
@Injectable()
export class CollectiveAccessChecker implements ResourceChecker {
  readonly kind = 'collective';
  readonly name = 'Collective';

  constructor(private readonly access: CollectiveAccessService) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.access.canSee(userId, id);
  }
}
