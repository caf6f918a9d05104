import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QueueService } from '../../platform/queue/queue.service.js';

export const PRUNE_EXPIRED_SCHEDULE = 'maintenance.prune-expired';
export const PRUNE_EXPIRED_EVERY_MS = 60 * 60 * 1000;

/**
 * Declares the repeatable maintenance jobs. Every process declares them; the
 * queue enqueues each run once, whichever processes are up at the time.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(private readonly queue: QueueService) {}

  onApplicationBootstrap(): void {
    this.queue.schedule(
      'maintenance.prune-expired',
      {},
      { id: PRUNE_EXPIRED_SCHEDULE, everyMs: PRUNE_EXPIRED_EVERY_MS },
    );
  }
}
