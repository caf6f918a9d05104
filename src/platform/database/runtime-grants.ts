import type { DataSource, EntityManager } from 'typeorm';
import { MIGRATIONS_TABLE } from './data-source.js';

/** Every schema Parley's migrations create. */
export const PARLEY_SCHEMAS = ['app', 'memory', 'rag', 'cache'] as const;

/** Tables the runtime may only append to and read. */
export const APPEND_ONLY_TABLES = ['app.audit_log'] as const;

const ROLE = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

/**
 * What the runtime role is granted, exactly, after every migration run: USAGE
 * on the schemas (never CREATE), SELECT/INSERT/UPDATE/DELETE on their tables
 * (INSERT and SELECT on append-only ones), USAGE/SELECT on their sequences, read
 * access to the migrations table (startup checks the schema is not newer than
 * the code), and the same by default for tables the owner creates later.
 * Everything else held before is revoked first, so a re-run converges.
 */
export function runtimeGrantStatements(role: string): string[] {
  if (!ROLE.test(role)) throw new Error(`not a PostgreSQL role name: ${role}`);
  const r = `"${role}"`;
  const schemas = PARLEY_SCHEMAS.map((s) => `"${s}"`).join(', ');
  const appendOnly = APPEND_ONLY_TABLES.join(', ');
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${schemas} FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schemas} FROM ${r}`,
    `REVOKE ALL ON SCHEMA ${schemas} FROM ${r}`,
    `GRANT USAGE ON SCHEMA ${schemas} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schemas} TO ${r}`,
    `REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schemas} TO ${r}`,
    `REVOKE ALL ON public.${MIGRATIONS_TABLE} FROM ${r}`,
    `GRANT SELECT ON public.${MIGRATIONS_TABLE} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schemas} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schemas} GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
}

/** Applies the runtime grants in one transaction; a role that does not exist fails loudly. */
export async function grantRuntimeRole(dataSource: DataSource, role: string): Promise<void> {
  await dataSource.transaction(async (manager: EntityManager) => {
    for (const sql of runtimeGrantStatements(role)) await manager.query(sql);
  });
}
