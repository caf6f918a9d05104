import { jest } from '@jest/globals';
import { JobSchedules, nextRun } from './job-schedules.js';

describe('JobSchedules', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_050 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('enqueues at each multiple of the interval, not at once, and goes on after a failure', async () => {
    const runs: number[] = [];
    const enqueue = jest.fn(async (runAt: number) => {
      runs.push(runAt);
      if (runs.length === 1) throw new Error('queue down');
    });
    const schedules = new JobSchedules();
    schedules.add('s', 'maintenance.echo', 100, enqueue);
    expect(schedules.list()).toEqual([
      { id: 's', name: 'maintenance.echo', everyMs: 100, nextRunAt: 1_000_100 },
    ]);
    expect(enqueue).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(200);
    expect(runs).toEqual([1_000_100, 1_000_200]);
    schedules.stop();
    await jest.advanceTimersByTimeAsync(500);
    expect(runs).toHaveLength(2);
    expect(schedules.list()).toEqual([]);
  });

  it('refuses an interval that is not a positive integer', () => {
    expect(() => new JobSchedules().add('s', 'x', 0, async () => undefined)).toThrow(/everyMs/);
  });

  it('places the next run on the next multiple', () => {
    expect(nextRun(1000, 100)).toBe(1100);
    expect(nextRun(1099, 100)).toBe(1100);
  });
});
