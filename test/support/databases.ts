import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** An empty database of its own on the test server, for tests that migrate from zero. */
export async function createEmptyDatabase(
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.PARLEY_TEST_ADMIN_DATABASE_URL;
  if (!admin) throw new Error('PARLEY_TEST_ADMIN_DATABASE_URL is not set: run through npm test');
  const name = `parley_${label}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
