import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../platform/queue/job-handler.decorator.js';
import type { JobPayloads } from '../../../platform/queue/queue.types.js';
import { DataExportsService } from './data-exports.service.js';

@Injectable()
export class DataExportsProcessor {
  constructor(private readonly exports: DataExportsService) {}

  @JobHandler('maintenance.data-export')
  build(payload: JobPayloads['maintenance.data-export']): Promise<unknown> {
    return this.exports.build(payload.exportId);
  }
}
