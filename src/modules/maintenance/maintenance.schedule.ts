import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueService } from '../../platform/queue/queue.service.js';

export const RETENTION_SCHEDULE = 'maintenance.retention';
export const RETENTION_EVERY_MS = 60 * 60 * 1000;

/**
 * Declares the repeatable maintenance jobs. Every process declares them; the
 * queue enqueues each run once, whichever processes are up at the time.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(private readonly queue: QueueService) {}

  onApplicationBootstrap(): void {
    this.queue.schedule(
      'maintenance.retention',
      {},
      { id: RETENTION_SCHEDULE, everyMs: RETENTION_EVERY_MS },
    );
  }
}
