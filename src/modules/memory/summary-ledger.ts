import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';
import { QueueService } from '../../platform/queue/queue.service.js';
import { isPermanentFailure } from './storable.js';
import { SummaryRejections } from './summary-rejections.js';
import { SummaryWriter, type SummaryPayload } from './summary-writer.service.js';

const SWEEP_EVERY_MS = 1000;
/** One pipelined read per job (see QueueService.progress): cheap enough to keep up with a busy API. */
const CHECKS_PER_SWEEP = 5000;
/** Past this, the oldest entries are left to Redis alone rather than grow without bound. */
const MAX_ENTRIES = 20_000;
/** Failures worth another try, in a row, after which the database looks down: the rest waits. */
const RETRYABLE_IN_A_ROW = 3;

/**
 * Summaries this API instance accepted into Redis that no worker has finished
 * yet. Redis may run without persistence, so a job waiting there when Redis
 * stops would be gone when it returns: when the queue cannot be reached (and at
 * shutdown) the instance writes what it still holds itself. Every write is
 * conditional on the summary's time, so writing one the worker also ran is
 * harmless. Only the BullMQ driver needs this; the local queue is a table.
 * A summary that can never be stored (see `isPermanentFailure`) is handed to
 * SummaryRejections (log, metric, row in memory.rejected_summaries) and
 * dropped; it never holds up the others.
 */
@Injectable()
export class SummaryLedger implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('MemoryLake');
  private readonly pending = new Map<string, SummaryPayload>();
  private readonly enabled: boolean;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly queue: QueueService,
    private readonly writer: SummaryWriter,
    private readonly rejections: SummaryRejections,
  ) {
    this.enabled = config.queue.driver === 'bullmq';
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  track(jobId: string, payload: SummaryPayload): void {
    if (!this.enabled) return;
    if (this.pending.size >= MAX_ENTRIES) {
      this.pending.delete(this.pending.keys().next().value!);
    }
    this.pending.set(jobId, payload);
  }

  /**
   * A processor in this instance finished the job (stored or rejected it):
   * forget it now, not at the next sweep. Otherwise a queue fault (or the
   * job trimmed) before that sweep would write it again, bringing back a
   * memory item its owner deleted in between.
   */
  settle(jobId: string): void {
    this.pending.delete(jobId);
  }

  /** Erasure: drops what this instance still holds of the user, or of one conversation. */
  forget(match: { userId?: string; conversationId?: string }): string[] {
    const dropped: string[] = [];
    for (const [jobId, payload] of this.pending) {
      if (match.userId !== undefined && payload.userId !== match.userId) continue;
      if (match.conversationId !== undefined && payload.conversationId !== match.conversationId)
        continue;
      this.pending.delete(jobId);
      dropped.push(jobId);
    }
    return dropped;
  }

  size(): number {
    return this.pending.size;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    await this.writeAll();
  }

  /** Forgets what a worker finished (or gave up on: failed jobs stay visible in the queue). */
  private async sweep(): Promise<void> {
    const ids = [...this.pending.keys()].slice(0, CHECKS_PER_SWEEP);
    try {
      const progress = await this.queue.progress('memory-lake.persist-summary', ids);
      for (const [i, state] of progress.entries()) {
        const id = ids[i]!;
        if (state === 'finished') this.pending.delete(id);
        // Gone unfinished: Redis restarted empty (or trimmed it after completion).
        else if (state === 'gone') await this.writeOne(id);
      }
    } catch (err) {
      this.logger.warn(`queue unreachable (${message(err)}); writing accepted summaries directly`);
      await this.writeAll();
    }
  }

  /** Writes everything held, past any summary that can never be stored. */
  private async writeAll(): Promise<void> {
    let retryable = 0;
    for (const id of [...this.pending.keys()]) {
      if ((await this.writeOne(id)) !== 'retry') retryable = 0;
      else if (++retryable >= RETRYABLE_IN_A_ROW) return;
    }
  }

  private async writeOne(id: string): Promise<'written' | 'rejected' | 'retry'> {
    const payload = this.pending.get(id);
    if (!payload) return 'written';
    try {
      await this.writer.persist(payload);
      this.pending.delete(id);
      return 'written';
    } catch (err) {
      if (isPermanentFailure(err)) {
        this.pending.delete(id);
        await this.rejections.record(id, payload, err);
        return 'rejected';
      }
      // Kept for the next sweep: the database may be back by then.
      this.logger.error(`summary ${id} not written: ${message(err)}`);
      return 'retry';
    }
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
