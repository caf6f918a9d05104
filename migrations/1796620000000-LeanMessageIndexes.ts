import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Less WAL per appended message. Most messages carry no context, yet the GIN
 * index over `context` gave each of them a null-item entry (about 160 bytes of
 * WAL a message); as a partial index it holds only the messages that have one,
 * and the history filter (`context @> …`, a strict operator) still matches its
 * predicate. The full-text index keeps its pending list (`fastupdate`), now
 * stated rather than left to the default: an append writes its lexemes to the
 * list in one record and search stays exact, since queries read the list too.
 */
export class LeanMessageIndexes1796620000000 implements MigrationInterface {
  name = 'LeanMessageIndexes1796620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "app"."ix_messages_context"`);
    await queryRunner.query(
      `CREATE INDEX "ix_messages_context" ON "app"."messages" USING gin ("context" jsonb_path_ops) WHERE context IS NOT NULL`,
    );
    await queryRunner.query(`ALTER INDEX "app"."ix_messages_search" SET (fastupdate = on)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "app"."ix_messages_search" RESET (fastupdate)`);
    await queryRunner.query(`DROP INDEX "app"."ix_messages_context"`);
    await queryRunner.query(
      `CREATE INDEX "ix_messages_context" ON "app"."messages" USING gin ("context" jsonb_path_ops)`,
    );
  }
}
