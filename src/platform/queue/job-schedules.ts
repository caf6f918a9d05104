import { Logger } from '@nestjs/common';

export interface JobSchedule {
  /** Names the schedule; its runs get the job ids `<id>.<epoch ms of the run>`. */
  id: string;
  name: string;
  everyMs: number;
  /** When this process next enqueues the run, epoch ms. */
  nextRunAt: number;
}

interface Armed extends JobSchedule {
  enqueue: (runAt: number) => Promise<unknown>;
  timer?: NodeJS.Timeout;
}

/** setTimeout's ceiling; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Repeatable jobs on top of the plain enqueue, so both drivers get them alike.
 * Runs fall on multiples of `everyMs` since the epoch; at each one every
 * process that declared the schedule enqueues the run under the same job id,
 * and the queue's idempotent enqueue keeps one. The run is a job like any
 * other (a row or a Redis job), so a restart never repeats a run already
 * enqueued, and nothing waits in the queue between runs.
 */
export class JobSchedules {
  private readonly logger = new Logger('Queue');
  private readonly schedules = new Map<string, Armed>();

  /** `enqueue` is called at each run with the run's time (epoch ms). */
  add(
    id: string,
    name: string,
    everyMs: number,
    enqueue: (runAt: number) => Promise<unknown>,
  ): void {
    if (!Number.isInteger(everyMs) || everyMs < 1) {
      throw new Error(`everyMs must be a positive integer (got ${everyMs})`);
    }
    this.remove(id);
    const schedule: Armed = { id, name, everyMs, nextRunAt: nextRun(Date.now(), everyMs), enqueue };
    this.schedules.set(id, schedule);
    this.arm(schedule);
  }

  list(): JobSchedule[] {
    return [...this.schedules.values()].map(({ id, name, everyMs, nextRunAt }) => ({
      id,
      name,
      everyMs,
      nextRunAt,
    }));
  }

  remove(id: string): void {
    clearTimeout(this.schedules.get(id)?.timer);
    this.schedules.delete(id);
  }

  stop(): void {
    for (const id of [...this.schedules.keys()]) this.remove(id);
  }

  private arm(schedule: Armed): void {
    const wait = Math.min(Math.max(schedule.nextRunAt - Date.now(), 0), MAX_TIMER_MS);
    schedule.timer = setTimeout(() => void this.fire(schedule), wait);
    schedule.timer.unref();
  }

  private async fire(schedule: Armed): Promise<void> {
    if (this.schedules.get(schedule.id) !== schedule) return;
    const runAt = schedule.nextRunAt;
    if (Date.now() >= runAt) {
      schedule.nextRunAt = nextRun(Math.max(Date.now(), runAt), schedule.everyMs);
      try {
        await schedule.enqueue(runAt);
      } catch (err) {
        // The next run tries again; a run missed while the queue is down is not made up.
        this.logger.warn(
          `scheduled ${schedule.name} (${schedule.id}) not enqueued: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    if (this.schedules.get(schedule.id) === schedule) this.arm(schedule);
  }
}

/** The first multiple of `everyMs` after `now`. */
export function nextRun(now: number, everyMs: number): number {
  return (Math.floor(now / everyMs) + 1) * everyMs;
}
