// One fresh, migrated PostgreSQL database and one Redis key prefix per test run.
// Migrations come from the compiled build (`npm test` builds first), the same
// code that production runs.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { ensurePostgres, ensureRedis } from './servers.mjs';

export default async function globalSetup() {
  if (!fs.existsSync(new URL('../../dist/src/main.js', import.meta.url))) {
    throw new Error('dist/ is missing: run "npm run build" first (npm test does it for you)');
  }
  const postgres = await ensurePostgres();
  const redis = await ensureRedis();
  const runId = randomBytes(5).toString('hex');
  const database = `parley_test_${runId}`;

  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const url = new URL(postgres.url);
  url.pathname = `/${database}`;
  const { loadConfig } = await import('../../dist/src/platform/config/config.js');
  const { openDataSource } = await import('../../dist/src/platform/database/data-source.js');
  const { migrateWithLock } = await import('../../dist/src/platform/database/migrator.js');
  const config = loadConfig({ DATABASE_URL: url.toString(), NODE_ENV: 'test' });
  const dataSource = await openDataSource(config);
  try {
    await migrateWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }

  process.env.PARLEY_TEST_ADMIN_DATABASE_URL = postgres.url;
  process.env.PARLEY_TEST_DATABASE_URL = url.toString();
  process.env.PARLEY_TEST_REDIS_URL = redis.url;
  process.env.PARLEY_TEST_RUN_ID = runId;
  globalThis.__parleyTest = { postgres, redis, database };
}
