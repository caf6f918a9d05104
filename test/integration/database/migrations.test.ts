import type { DataSource } from 'typeorm';
import { loadConfig } from '../../../src/platform/config/config.js';
import { MIGRATIONS_TABLE, openDataSource } from '../../../src/platform/database/data-source.js';
import {
  appliedMigrationNames,
  migrateWithLock,
  pendingSchemaChanges,
  SchemaNewerThanCodeError,
} from '../../../src/platform/database/migrator.js';
import { createEmptyDatabase } from '../../support/databases.js';
import { tempDir } from '../../support/app.js';

const configFor = (url: string) =>
  loadConfig({ DATABASE_URL: url, NODE_ENV: 'test', DATA_DIR: tempDir() });

async function userTables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_schema IN ('app', 'rag', 'cache', 'memory') ORDER BY 1`,
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

describe('migrations on a real PostgreSQL (R7)', () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let ds: DataSource;

  beforeEach(async () => {
    db = await createEmptyDatabase('mig');
    ds = await openDataSource(configFor(db.url));
  });

  afterEach(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('goes up from empty, down to empty, up again, and then matches the entities exactly', async () => {
    const all = ds.migrations.map((m) => m.name);
    expect(await migrateWithLock(ds)).toHaveLength(all.length);
    expect(await appliedMigrationNames(ds)).toEqual(all);
    const tablesAfterUp = await userTables(ds);
    expect(tablesAfterUp).toContain('app.queued_jobs');
    const schemas = (await ds.query(
      `SELECT nspname FROM pg_namespace WHERE nspname IN ('app','rag','cache','memory') ORDER BY 1`,
    )) as { nspname: string }[];
    expect(schemas.map((s) => s.nspname)).toEqual(['app', 'cache', 'memory', 'rag']);

    for (let i = 0; i < all.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await appliedMigrationNames(ds)).toEqual([]);
    expect(await userTables(ds)).toEqual([]);

    await migrateWithLock(ds);
    expect(await userTables(ds)).toEqual(tablesAfterUp);
    expect((await pendingSchemaChanges(ds)).up).toEqual([]);
  });

  it('runs each migration once when two instances start at the same moment', async () => {
    const other = await openDataSource(configFor(db.url));
    try {
      const [a, b] = await Promise.all([migrateWithLock(ds), migrateWithLock(other)]);
      expect(a.length + b.length).toBe(ds.migrations.length);
      expect([a.length, b.length]).toContain(0);
      const rows = (await ds.query(
        `SELECT name, count(*)::int AS n FROM public.${MIGRATIONS_TABLE} GROUP BY name`,
      )) as { n: number }[];
      expect(rows).toHaveLength(ds.migrations.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await other.destroy();
    }
  });

  it('refuses to start code that is older than the schema, saying why', async () => {
    await migrateWithLock(ds);
    await ds.query(`INSERT INTO public.${MIGRATIONS_TABLE} (timestamp, name) VALUES ($1, $2)`, [
      9999999999999,
      'FromTheFuture9999999999999',
    ]);
    const attempt = migrateWithLock(ds);
    await expect(attempt).rejects.toBeInstanceOf(SchemaNewerThanCodeError);
    await expect(attempt).rejects.toThrow(/FromTheFuture9999999999999/);
  });

  it('reports a difference when the schema drifts from the entities', async () => {
    await migrateWithLock(ds);
    await ds.query(`ALTER TABLE app.queued_jobs DROP COLUMN last_error`);
    const { up } = await pendingSchemaChanges(ds);
    expect(up.join('\n')).toMatch(/last_error/);
  });
});
