import type { DataSource, EntityManager } from 'typeorm';

/** Rows of `table` matching `where` (SQL over its columns, `$1`... from `params`). */
export interface SweepTarget {
  table: string;
  where: string;
  params?: unknown[];
}

const BATCH = 5000;

/**
 * Deletes the matching rows in batches, or with `dryRun` counts them. Each
 * batch locks its rows and skips rows another sweep holds, so sweeps running
 * at once on several workers remove every row once and their counts add up.
 */
export async function sweep(
  db: DataSource | EntityManager,
  target: SweepTarget,
  dryRun: boolean,
): Promise<number> {
  const params = target.params ?? [];
  if (dryRun) {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM ${target.table} WHERE ${target.where}`,
      params,
    )) as { n: number }[];
    return row!.n;
  }
  let removed = 0;
  for (;;) {
    const [, count] = (await db.query(
      `DELETE FROM ${target.table} WHERE ctid IN (
         SELECT ctid FROM ${target.table} WHERE ${target.where}
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      params,
    )) as [unknown, number];
    removed += count;
    if (count < BATCH) return removed;
  }
}
