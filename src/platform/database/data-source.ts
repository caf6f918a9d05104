import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.js';
import { ENTITIES } from '../../app.entities.js';
import { MIGRATIONS } from '../../../migrations/index.js';
import path from 'node:path';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const MIGRATIONS_TABLE = 'parley_migrations';

export interface DatabaseTarget {
  /** pg connection settings: a URL for a server, host/port for the embedded engine. */
  connection: { url: string } | { host: string; port: number; username: string; database: string };
  embedded?: EmbeddedPostgres;
}

/** Resolves where the database is, starting the embedded engine when no server is configured. */
export async function resolveDatabaseTarget(
  config: AppConfig,
  overrideUrl?: string,
): Promise<DatabaseTarget> {
  const url = overrideUrl ?? config.database.url;
  if (url) return { connection: { url } };
  const embedded = await startEmbeddedPostgres(
    path.join(config.dataDir),
    // Headroom over the pool for the migration lock, the health probe and a CLI.
    config.database.poolSize + 5,
  );
  return {
    connection: {
      host: embedded.host,
      port: embedded.port,
      username: 'postgres',
      database: 'postgres',
    },
    embedded,
  };
}

export function dataSourceOptions(config: AppConfig, target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    ...target.connection,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    namingStrategy: new SnakeNamingStrategy(),
    migrationsRun: false,
    synchronize: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    applicationName: 'parley',
    poolSize: config.database.poolSize,
    extra: {
      // Fail fast when the server is unreachable instead of hanging requests (R3).
      connectionTimeoutMillis: 5000,
      statement_timeout: config.database.statementTimeoutMs || undefined,
      idleTimeoutMillis: 30_000,
    },
  };
}

/** Opens a DataSource whose destroy() also stops the embedded engine it started. */
export async function openDataSource(config: AppConfig, overrideUrl?: string): Promise<DataSource> {
  const target = await resolveDatabaseTarget(config, overrideUrl);
  const dataSource = new DataSource(dataSourceOptions(config, target));
  try {
    await dataSource.initialize();
  } catch (err) {
    await target.embedded?.stop();
    throw err;
  }
  return withEmbeddedLifecycle(dataSource, target.embedded);
}

export function withEmbeddedLifecycle(
  dataSource: DataSource,
  embedded?: EmbeddedPostgres,
): DataSource {
  if (!embedded) return dataSource;
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    try {
      if (dataSource.isInitialized) await destroy();
    } finally {
      await embedded.stop();
    }
  };
  return dataSource;
}
