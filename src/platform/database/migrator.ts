import type { DataSource, Migration } from 'typeorm';
import { MIGRATIONS_TABLE } from './data-source.js';
import { grantRuntimeRole } from './runtime-grants.js';

/** Any constant works; it only has to be the same for every Parley instance. */
const MIGRATION_LOCK_KEY = 0x5041524c; // "PARL"

export class SchemaNewerThanCodeError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `The database schema is newer than this code: it has migrations this build does not know ` +
        `(${unknown.join(', ')}). Deploy the newer Parley build (or revert those migrations) before starting this one.`,
    );
    this.name = 'SchemaNewerThanCodeError';
  }
}

export async function appliedMigrationNames(dataSource: DataSource): Promise<string[]> {
  const [{ exists }] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    `public.${MIGRATIONS_TABLE}`,
  ])) as [{ exists: boolean }];
  if (!exists) return [];
  const rows = (await dataSource.query(
    `SELECT name FROM public.${MIGRATIONS_TABLE} ORDER BY id`,
  )) as {
    name: string;
  }[];
  return rows.map((r) => r.name);
}

export async function assertCodeNotOlderThanSchema(dataSource: DataSource): Promise<void> {
  const known = new Set(dataSource.migrations.map((m) => m.name));
  const unknown = (await appliedMigrationNames(dataSource)).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new SchemaNewerThanCodeError(unknown);
}

/**
 * Applies pending migrations under a session-level advisory lock: instances
 * starting together queue on the lock and the later ones find nothing to do.
 * With a `runtimeRole` (a runtime role apart from the owner that migrates),
 * its grants are then brought to exactly what it needs, under the same lock.
 */
export async function migrateWithLock(
  dataSource: DataSource,
  options: { runtimeRole?: string } = {},
): Promise<Migration[]> {
  return withMigrationLock(dataSource, async () => {
    await assertCodeNotOlderThanSchema(dataSource);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (options.runtimeRole) await grantRuntimeRole(dataSource, options.runtimeRole);
    return applied;
  });
}

export async function revertLastWithLock(dataSource: DataSource): Promise<void> {
  await withMigrationLock(dataSource, () => dataSource.undoLastMigration({ transaction: 'each' }));
}

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** SQL that would bring the schema in line with the entities; empty when they agree. */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => withParams(q.query, q.parameters)),
    down: sql.downQueries.map((q) => withParams(q.query, q.parameters)).reverse(),
  };
}

function withParams(query: string, parameters?: unknown[]): string {
  if (!parameters || parameters.length === 0) return query;
  return query.replace(/\$(\d+)/g, (_, i: string) => {
    const value = parameters[Number(i) - 1];
    return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
  });
}
