import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
  async deleteThreads(
    threadIds: string[],
    manager: EntityManager,
  ): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    if (threadIds.length === 0) return removed;
    const present = (await manager.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = $1 AND table_name = ANY($2::text[])`,
      [CHECKPOINT_SCHEMA, [...CHECKPOINT_TABLES]],
    )) as { table_name: string }[];
    const existing = new Set(present.map((r) => r.table_name));
    for (const table of CHECKPOINT_TABLES) {
      if (!existing.has(table)) continue;
      const result: unknown = await manager.query(
        `DELETE FROM "${CHECKPOINT_SCHEMA}"."${table}" WHERE thread_id = ANY($1::text[])`,
        [threadIds],
      );
      removed[`${CHECKPOINT_SCHEMA}.${table}`] = rowCount(result);
    }
    return removed;
  }
}
