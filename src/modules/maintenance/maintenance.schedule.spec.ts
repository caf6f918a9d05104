import { jest } from '@jest/globals';
import type { QueueService } from '../../platform/queue/queue.service.js';
import { MaintenanceSchedule } from './maintenance.schedule.js';

describe('MaintenanceSchedule', () => {
  it('schedules the retention run every hour at start-up', () => {
    const queue = { schedule: jest.fn() };
    new MaintenanceSchedule(queue as unknown as QueueService).onApplicationBootstrap();
    expect(queue.schedule).toHaveBeenCalledTimes(1);
    expect(queue.schedule).toHaveBeenCalledWith(
      'maintenance.retention',
      {},
      { id: 'maintenance.retention', everyMs: 3_600_000 },
    );
  });
});
