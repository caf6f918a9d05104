import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../platform/queue/job-handler.decorator.js';
import type { JobPayloads } from '../../platform/queue/queue.types.js';

/**
 * Operational jobs. `maintenance.echo` answers with the process that ran it, so
 * an operator (or a test) can see that jobs reach a worker and come back.
 */
@Injectable()
export class MaintenanceProcessor {
  @JobHandler('maintenance.echo')
  echo(payload: JobPayloads['maintenance.echo']): { echo: string; pid: number } {
    return { echo: payload.text, pid: process.pid };
  }
}
