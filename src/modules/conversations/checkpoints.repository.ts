import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowCount } from './messages.repository.js';

/** The agent library's tables, in deletion order (writes and blobs hang off checkpoints). */
export const CHECKPOINT_TABLES = ['checkpoint_writes', 'checkpoint_blobs', 'checkpoints'] as const;
export const CHECKPOINT_SCHEMA = 'langgraph';

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
