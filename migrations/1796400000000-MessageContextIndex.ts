import type { MigrationInterface, QueryRunner } from 'typeorm';

/** History filtered by context (`?context.chapter=ch-03`): `context @> '{"chapter":"ch-03"}'`. */
export class MessageContextIndex1796400000000 implements MigrationInterface {
  name = 'MessageContextIndex1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_messages_context" ON "app"."messages" USING gin ("context" jsonb_path_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "app"."ix_messages_context"`);
  }
}
