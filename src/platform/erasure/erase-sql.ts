import type { EntityManager } from 'typeorm';
import type { UserLinkedColumnErasure } from './user-eraser.js';

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

function checked(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}

/** Rows a DELETE or UPDATE touched (the pg driver answers `[rows, count]`). */
function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/**
 * Applies a column's erasure to the user's rows (`delete` or `detach`) and
 * counts them. Pseudonymising is the audit module's own function.
 */
export async function eraseColumn(
  manager: EntityManager,
  link: UserLinkedColumnErasure,
  userId: string,
): Promise<number> {
  const table = checked(link.table);
  const column = checked(link.column);
  if (link.action === 'delete') {
    return affected(await manager.query(`DELETE FROM ${table} WHERE ${column} = $1`, [userId]));
  }
  if (link.action === 'detach') {
    return affected(
      await manager.query(`UPDATE ${table} SET ${column} = NULL WHERE ${column} = $1`, [userId]),
    );
  }
  throw new Error(`${table}.${column}: ${link.action} is not a plain column erasure`);
}

/**
 * Erases each column in order; rows removed per table (a table named twice
 * adds up). Detached rows stay (they belong to someone else) and are not counted.
 */
export async function eraseColumns(
  manager: EntityManager,
  links: readonly UserLinkedColumnErasure[],
  userId: string,
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const link of links) {
    const n = await eraseColumn(manager, link, userId);
    if (link.action === 'delete') removed[link.table] = (removed[link.table] ?? 0) + n;
  }
  return removed;
}

/** How many rows still name the user in this column: the verification pass. */
export async function rowsNaming(
  manager: EntityManager,
  link: Pick<UserLinkedColumnErasure, 'table' | 'column'>,
  userId: string,
): Promise<number> {
  const rows = (await manager.query(
    `SELECT count(*)::int AS n FROM ${checked(link.table)} WHERE ${checked(link.column)}::text = $1`,
    [userId],
  )) as { n: number }[];
  return rows[0]!.n;
}

/**
 * An eraser that applies its columns' plain erasures in order: for modules
 * whose user data is rows naming the user and nothing outside the database.
 */
export abstract class ColumnEraser {
  abstract readonly columns: readonly UserLinkedColumnErasure[];

  async erase(userId: string, { manager }: { manager: EntityManager }) {
    return { removed: await eraseColumns(manager, this.columns, userId) };
  }
}
