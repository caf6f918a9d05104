import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { openDataSource } from './data-source.js';

/**
 * A throwaway, empty database on the same kind of engine as the configured one:
 * a new database on the server, or a new embedded engine in a temporary folder.
 * Used by the migration generator and the zero-diff check so neither depends on
 * the state of a developer's own database.
 */
export async function withScratchDatabase<T>(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  // The owner role's server when the roles are split: the runtime role cannot create databases.
  const server = config.database.migrationUrl ?? config.database.url;
  if (server) {
    const name = `parley_scratch_${randomBytes(6).toString('hex')}`;
    await adminQuery(server, `CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const dataSource = await openDataSource(config, url.toString());
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-scratch-'));
  const dataSource = await openDataSource({ ...config, dataDir: dir });
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
