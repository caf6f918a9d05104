import type { DataSource } from 'typeorm';

export interface KeysetQuery<T> {
  /** `SELECT` list, `FROM` clause and a condition on `$1` (the owner). */
  select: string;
  from: string;
  where: string;
  /** A unique, ordered expression, compared with `$2`. */
  orderBy: string;
  /** The value of `orderBy` for a row, and the value to start after. */
  cursor: (row: T) => string;
  start?: string;
  pageSize?: number;
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Every row of a query, read a page at a time in key order: what an export
 * streams, however many rows there are, without holding them all.
 */
export async function* keysetRows<T>(
  db: DataSource,
  owner: string,
  q: KeysetQuery<T>,
): AsyncGenerator<T> {
  const pageSize = q.pageSize ?? 500;
  let after = q.start ?? ZERO_UUID;
  for (;;) {
    const rows = (await db.query(
      `SELECT ${q.select} FROM ${q.from} WHERE (${q.where}) AND ${q.orderBy} > $2
        ORDER BY ${q.orderBy} LIMIT ${pageSize}`,
      [owner, after],
    )) as T[];
    yield* rows;
    if (rows.length < pageSize) return;
    after = q.cursor(rows[rows.length - 1]!);
  }
}
