import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Resumable stream records (their chunks live in Redis or process memory). */
export class Streams1795497645524 implements MigrationInterface {
  name = 'Streams1795497645524';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."streams" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_40440b6f569ebc02bc71c25c499" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_streams_conversation" ON "app"."streams"  ("conversation_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."streams" ADD CONSTRAINT "FK_9422031d69f82177282fa346c57" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."streams" DROP CONSTRAINT "FK_9422031d69f82177282fa346c57"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_streams_conversation"`);
    await queryRunner.query(`DROP TABLE "app"."streams"`);
  }
}
