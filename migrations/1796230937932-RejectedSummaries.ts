import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RejectedSummaries1796230937932 implements MigrationInterface {
  name = 'RejectedSummaries1796230937932';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "memory"."rejected_summaries" ("job_id" character varying(255) NOT NULL, "user_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text NOT NULL, "summary_json" text, "rejected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa2207c122cd94e7d337beb8a26" PRIMARY KEY ("job_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rejected_summaries_user" ON "memory"."rejected_summaries"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "memory"."rejected_summaries" ADD CONSTRAINT "FK_cea9c81454200757f9085645bd9" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "memory"."rejected_summaries" DROP CONSTRAINT "FK_cea9c81454200757f9085645bd9"`,
    );
    await queryRunner.query(`DROP INDEX "memory"."ix_rejected_summaries_user"`);
    await queryRunner.query(`DROP TABLE "memory"."rejected_summaries"`);
  }
}
