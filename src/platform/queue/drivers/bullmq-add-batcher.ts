import type { JobsOptions, Queue } from 'bullmq';

/** What one add needs: BullMQ's own bulk entry. */
export interface BulkEntry {
  name: string;
  data: unknown;
  opts: JobsOptions & { jobId: string };
}

interface Waiting {
  entry: BulkEntry;
  resolve(id: string): void;
  reject(err: unknown): void;
}

/** Jobs in one addBulk at most: a larger burst goes out as several. */
const MAX_BATCH = 500;

/**
 * Adds that arrive in the same turn of the event loop go to Redis as one
 * `addBulk` (one pipeline, one round trip) instead of one command each. Every
 * caller's promise settles only once its own job is in Redis. When the bulk
 * fails, the pipeline does not say which of its jobs landed: each job is then
 * added again alone (a job id already present is a no-op in BullMQ, so nothing
 * lands twice), and each caller hears its own job's outcome.
 */
export class BullmqAddBatcher {
  private pending: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly queue: Pick<Queue, 'add' | 'addBulk'>) {}

  add(entry: BulkEntry): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After this turn's I/O callbacks and their promise jobs: the adds they made ride together.
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    const all = this.pending;
    this.pending = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) void this.send(all.slice(i, i + MAX_BATCH));
  }

  private async send(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.sendAlone(batch[0]!);
    let jobs;
    try {
      jobs = await this.queue.addBulk(batch.map((w) => w.entry));
    } catch {
      await Promise.all(batch.map((w) => this.sendAlone(w)));
      return;
    }
    batch.forEach((w, i) => w.resolve(jobs[i]?.id ?? w.entry.opts.jobId));
  }

  private async sendAlone(w: Waiting): Promise<void> {
    try {
      const job = await this.queue.add(w.entry.name, w.entry.data, w.entry.opts);
      w.resolve(job.id ?? w.entry.opts.jobId);
    } catch (err) {
      w.reject(err);
    }
  }
}
