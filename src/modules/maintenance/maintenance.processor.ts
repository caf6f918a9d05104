import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobPayloads } from '../../platform/queue/queue.types.js';
import { Actors } from '../audit/audit.service.js';
import type { RetentionReportDto } from '../lifecycle/retention/dto/retention.dto.js';
import { RetentionService } from '../lifecycle/retention/retention.service.js';

/**
 * Operational jobs. `maintenance.echo` answers with the process that ran it, so
 * an operator (or a test) can see that jobs reach a worker and come back.
 * `maintenance.retention` (scheduled by MaintenanceSchedule) applies every
 * retention policy; a run that repeats, or runs beside another, removes nothing twice.
 */
@Injectable()
export class MaintenanceProcessor {
  constructor(private readonly retention: RetentionService) {}

  @JobHandler('maintenance.echo')
  echo(payload: JobPayloads['maintenance.echo']): { echo: string; pid: number } {
    return { echo: payload.text, pid: process.pid };
  }

  @JobHandler('maintenance.retention')
  applyRetention(): Promise<RetentionReportDto> {
    return this.retention.run({ dryRun: false, actor: Actors.system() });
  }
}
