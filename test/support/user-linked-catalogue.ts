import type { DataSource } from 'typeorm';

/**
 * Every column the database catalogue says names a user: foreign keys to
 * `app.users`, and columns called `user_id`, `actor_id` or `*_user_id` (which
 * may carry no foreign key). The guest merge and the user erasers are both
 * checked against it, so a new table cannot escape either.
 */
export async function userLinkedColumns(db: DataSource): Promise<string[]> {
  const rows = (await db.query(
    `SELECT kcu.table_schema || '.' || kcu.table_name AS table, kcu.column_name AS column
       FROM information_schema.referential_constraints rc
       JOIN information_schema.key_column_usage kcu
         ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
       JOIN information_schema.key_column_usage ref
         ON ref.constraint_schema = rc.unique_constraint_schema
        AND ref.constraint_name = rc.unique_constraint_name
        AND ref.ordinal_position = kcu.position_in_unique_constraint
      WHERE ref.table_schema = 'app' AND ref.table_name = 'users'
     UNION
     SELECT table_schema || '.' || table_name, column_name
       FROM information_schema.columns
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (column_name IN ('user_id', 'actor_id') OR column_name LIKE '%\\_user\\_id')`,
  )) as { table: string; column: string }[];
  return rows.map((r) => `${r.table}.${r.column}`).sort();
}
