import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { ParentalConsentRepository } from './parental-consent.repository.js';

/** `@Access('child')`: minors linked to the caller by parental consent. */
@AccessChecker()
@Injectable()
export class ChildAccessChecker implements ResourceChecker {
  readonly kind = 'child';
  readonly name = 'Child';

  constructor(private readonly parental: ParentalConsentRepository) {}

  async check(parentId: string, childId: string): Promise<boolean> {
    return (await this.parental.childrenPage(parentId, 1, undefined, childId)).length > 0;
  }
}
