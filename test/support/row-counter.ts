import type { DataSource } from 'typeorm';

/** Schemas holding Parley's data; `langgraph` appears when agent checkpoints are set up. */
const SCHEMAS = ['app', 'memory', 'rag', 'cache', 'langgraph'];

/**
 * Ledgers of refused attempts: recording a refusal is what they are for (the
 * lockouts of S4 count these rows), so a refused sign-in or reset may add one.
 */
const REFUSAL_LEDGERS = new Set(['app.login_attempts', 'app.password_reset_attempts']);

/**
 * Outside the counted schemas: a sequence every INSERT, DELETE or TRUNCATE
 * statement on a counted table advances (an UPDATE changes no count). While it
 * stands still no count can have changed, so the last counts are reused rather
 * than counting every table again; a write rolled back still advances it, which
 * only costs a recount. A transaction that wrote and has not committed yet
 * advanced it before its rows show: while one is open, the counts are never
 * reused.
 */
const WRITES = 'public.parley_fuzz_row_writes';
const BUMP = 'public.parley_fuzz_row_write()';
const TRIGGER = 'parley_fuzz_row_writes';

/** Row counts of every table of Parley's schemas, for "nothing half-written". */
export class RowCounter {
  private last: { writes: string; counts: number[] } | undefined;
  private opened = 0;
  /** Snapshots that counted every table, and those that reused the last counts. */
  readonly stats = { counted: 0, reused: 0 };

  private constructor(
    private readonly ds: DataSource,
    private readonly sql: string,
    readonly tables: string[],
  ) {}

  static async create(ds: DataSource): Promise<RowCounter> {
    const rows = (await ds.query(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) ORDER BY 1, 2`,
      [SCHEMAS],
    )) as { schema: string; name: string }[];
    if (!rows.length) throw new Error(`no tables in schemas ${SCHEMAS.join(', ')}`);
    await ds.query(`CREATE SEQUENCE IF NOT EXISTS ${WRITES}`);
    await ds.query(
      `CREATE OR REPLACE FUNCTION ${BUMP} RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN PERFORM nextval('${WRITES}'); RETURN NULL; END $$`,
    );
    for (const r of rows) {
      const table = `"${r.schema}"."${r.name}"`;
      await ds.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON ${table}`);
      await ds.query(
        `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION ${BUMP}`,
      );
    }
    const tables = rows.map((r) => `${r.schema}.${r.name}`);
    const sql = `SELECT ${rows
      .map((r, i) => `(SELECT count(*) FROM "${r.schema}"."${r.name}")::int AS c${i}`)
      .join(', ')}`;
    return new RowCounter(ds, sql, tables);
  }

  /** The counted tables that carry the write trigger: all of them, or the reuse is unsafe. */
  async watched(): Promise<string[]> {
    const rows = (await this.ds.query(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE t.tgname = $1 ORDER BY 1`,
      [TRIGGER],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }

  /** Every table's count: counted again unless no counted table took an insert or delete since. */
  async snapshot(): Promise<number[]> {
    // Read before counting: a write during the count moves it again, and the next call recounts.
    const writes = await this.writes();
    if (this.last?.writes === writes) {
      this.stats.reused++;
      return this.last.counts;
    }
    this.stats.counted++;
    const [row] = (await this.ds.query(this.sql)) as Record<string, number>[];
    const counts = this.tables.map((_t, i) => row![`c${i}`]!);
    this.last = { writes, counts };
    return counts;
  }

  changes(before: number[], after: number[]): string[] {
    return this.tables.flatMap((t, i) => {
      const delta = after[i]! - before[i]!;
      if (delta === 0 || (REFUSAL_LEDGERS.has(t) && delta === 1)) return [];
      return [`${t} ${delta > 0 ? '+' : ''}${delta}`];
    });
  }

  private async writes(): Promise<string> {
    const [row] = (await this.ds.query(
      `SELECT last_value, is_called,
              (SELECT count(*)::int FROM pg_stat_activity
                WHERE datname = current_database() AND backend_xid IS NOT NULL
                  AND pid <> pg_backend_pid()) AS open
         FROM ${WRITES}`,
    )) as { last_value: string; is_called: boolean; open: number }[];
    // Unequal to any other: counted now, and again next time.
    if (row!.open > 0) return `open ${++this.opened}`;
    return `${row!.last_value}/${row!.is_called}`;
  }
}
