import { Injectable } from '@nestjs/common';
import { AccessChecker, type ResourceChecker } from '../../platform/access/resource-checker.js';
import { ChartsRepository } from './charts.repository.js';

export const CHART = 'chart';

/** `@Access('chart')`: charts of the caller's conversations only. */
@AccessChecker()
@Injectable()
export class ChartAccessChecker implements ResourceChecker {
  readonly kind = CHART;
  readonly name = 'Chart';

  constructor(private readonly charts: ChartsRepository) {}

  check(userId: string, id: string): Promise<boolean> {
    return this.charts.isOwner(userId, id);
  }
}
