import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { SessionsRepository } from './sessions.repository.js';

/** `@Access('session')`: the caller's own sessions only. */
@AccessChecker()
@Injectable()
export class SessionAccessChecker implements ResourceChecker {
  readonly kind = 'session';
  readonly name = 'Session';

  constructor(private readonly sessions: SessionsRepository) {}

  async check(userId: string, id: string): Promise<boolean> {
    return (await this.sessions.findOwned(id, userId)) !== null;
  }
}
