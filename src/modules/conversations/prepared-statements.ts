import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { AppConfig } from '../../platform/config/config.js';
import { APP_CONFIG } from '../../platform/config/config.tokens.js';

/**
 * Runs the hot statements (append, history page) as named prepared statements
 * on a PostgreSQL server: their wide column lists cost more to parse and plan
 * than to execute, and a prepared statement pays that once per connection.
 * The embedded engine serves every connection from one backend, where
 * statement names would collide between pool clients, so there they run unnamed.
 */
@Injectable()
export class PreparedStatements {
  private readonly named: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.named = config.database.mode === 'server';
  }

  async query<T>(
    name: string,
    text: string,
    values: unknown[],
    manager?: EntityManager,
  ): Promise<T[]> {
    if (!this.named) return (await (manager ?? this.db.manager).query(text, values)) as T[];
    const statement = { name: `parley_${name}`, text, values };
    try {
      if (manager?.queryRunner) {
        const client = (await manager.queryRunner.connect()) as pg.PoolClient;
        return (await client.query<T & pg.QueryResultRow>(statement)).rows;
      }
      // Straight to the pool: pg checks a client out and back in around the statement.
      const pool = (this.db.driver as PostgresDriver).master as pg.Pool;
      return (await pool.query<T & pg.QueryResultRow>(statement)).rows;
    } catch (err) {
      // The same error type as every other query, so callers and the problem filter see one shape.
      if (err instanceof Error && !(err instanceof QueryFailedError) && 'code' in err) {
        throw new QueryFailedError(text, values, err);
      }
      throw err;
    }
  }
}
