import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One PostgreSQL schema per domain (seed 001). pgvector is enabled where the
 * server offers it; elsewhere vector search falls back to an exact scan, so the
 * same migrations serve both kinds of server.
 */
export class CreateSchemas1763800000000 implements MigrationInterface {
  name = 'CreateSchemas1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const schema of ['app', 'rag', 'cache', 'memory']) {
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    }
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
          CREATE EXTENSION IF NOT EXISTS vector;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The extension may be shared with other databases' users; it stays.
    for (const schema of ['memory', 'cache', 'rag', 'app']) {
      await queryRunner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  }
}
