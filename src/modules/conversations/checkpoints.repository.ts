import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowCount } from './messages.repository.js';

/** The agent library's tables, in deletion order (writes and blobs hang off checkpoints). */
export const CHECKPOINT_TABLES = ['checkpoint_writes', 'checkpoint_blobs', 'checkpoints'] as const;
export const CHECKPOINT_SCHEMA = 'langgraph';

const CP = `"${CHECKPOINT_SCHEMA}"`;

/** Checkpoints of each thread (and namespace) older than its newest `$1`. */
const BEYOND_NEWEST = `SELECT thread_id, checkpoint_ns, checkpoint_id FROM (
    SELECT thread_id, checkpoint_ns, checkpoint_id,
           row_number() OVER (PARTITION BY thread_id, checkpoint_ns ORDER BY checkpoint_id DESC) AS rn
      FROM ${CP}.checkpoints) ranked
  WHERE rn > $1`;

/**
 * The agent's checkpoints live in `langgraph`, created by its own library, not
 * by Parley's migrations: a table may not exist yet, and then holds nothing to erase.
 */
@Injectable()
export class CheckpointsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async deleteThreads(
    threadIds: string[],
    manager: EntityManager,
  ): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    if (threadIds.length === 0) return removed;
    for (const table of await this.present(manager)) {
      const result: unknown = await manager.query(
        `DELETE FROM "${CHECKPOINT_SCHEMA}"."${table}" WHERE thread_id = ANY($1::text[])`,
        [threadIds],
      );
      removed[`${CHECKPOINT_SCHEMA}.${table}`] = rowCount(result);
    }
    return removed;
  }

  /** Checkpoint rows the threads still have (the verification pass after an erase). */
  async countThreads(threadIds: string[]): Promise<number> {
    if (threadIds.length === 0) return 0;
    let left = 0;
    for (const table of await this.present(this.db.manager)) {
      const [row] = (await this.db.query(
        `SELECT count(*)::int AS n FROM "${CHECKPOINT_SCHEMA}"."${table}" WHERE thread_id = ANY($1::text[])`,
        [threadIds],
      )) as { n: number }[];
      left += row!.n;
    }
    return left;
  }

  /**
   * Retention: every thread keeps its newest `keep` checkpoints; the older ones
   * go with their pending writes and the channel blobs no kept checkpoint
   * names. Returns the checkpoints removed (or, dry, that would be).
   */
  async pruneBeyondNewest(db: DataSource, keep: number, dryRun: boolean): Promise<number> {
    if (!(await this.present(db.manager)).includes('checkpoints')) return 0;
    if (dryRun) {
      const [row] = (await db.query(`SELECT count(*)::int AS n FROM (${BEYOND_NEWEST}) o`, [
        keep,
      ])) as { n: number }[];
      return row!.n;
    }
    return db.transaction(async (manager) => {
      // Rows another run deletes at the same time are waited for and then skipped: counted once.
      const [gone] = (await manager.query(
        `DELETE FROM ${CP}.checkpoints c USING (${BEYOND_NEWEST}) o
          WHERE c.thread_id = o.thread_id AND c.checkpoint_ns = o.checkpoint_ns
            AND c.checkpoint_id = o.checkpoint_id
        RETURNING c.thread_id, c.checkpoint_ns, c.checkpoint_id`,
        [keep],
      )) as [{ thread_id: string; checkpoint_ns: string; checkpoint_id: string }[], number];
      if (gone.length === 0) return 0;
      const cols = (key: 'thread_id' | 'checkpoint_ns' | 'checkpoint_id') =>
        gone.map((g) => g[key]);
      await manager.query(
        `DELETE FROM ${CP}.checkpoint_writes w
          USING unnest($1::text[], $2::text[], $3::text[]) AS g(thread_id, checkpoint_ns, checkpoint_id)
          WHERE w.thread_id = g.thread_id AND w.checkpoint_ns = g.checkpoint_ns
            AND w.checkpoint_id = g.checkpoint_id`,
        [cols('thread_id'), cols('checkpoint_ns'), cols('checkpoint_id')],
      );
      await manager.query(
        `DELETE FROM ${CP}.checkpoint_blobs b
          WHERE b.thread_id = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM ${CP}.checkpoints c
                             WHERE c.thread_id = b.thread_id AND c.checkpoint_ns = b.checkpoint_ns
                               AND c.checkpoint -> 'channel_versions' ->> b.channel = b.version)`,
        [[...new Set(cols('thread_id'))]],
      );
      return gone.length;
    });
  }

  private async present(manager: EntityManager): Promise<string[]> {
    const present = (await manager.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = $1 AND table_name = ANY($2::text[])`,
      [CHECKPOINT_SCHEMA, [...CHECKPOINT_TABLES]],
    )) as { table_name: string }[];
    const existing = new Set(present.map((r) => r.table_name));
    return CHECKPOINT_TABLES.filter((t) => existing.has(t));
  }
}
