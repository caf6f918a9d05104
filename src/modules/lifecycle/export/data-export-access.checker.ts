import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../../platform/access/resource-checker.js';
import { DataExportsRepository } from './data-exports.repository.js';

export const DATA_EXPORT = 'data-export';

/** `@Access('data-export')`: the caller's own export archives only. */
@AccessChecker()
@Injectable()
export class DataExportAccessChecker implements ResourceChecker {
  readonly kind = DATA_EXPORT;
  readonly name = 'Export';

  constructor(private readonly exports: DataExportsRepository) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.exports.isOwner(userId, id);
  }
}
