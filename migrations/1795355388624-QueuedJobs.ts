import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QueuedJobs1795355388624 implements MigrationInterface {
  name = 'QueuedJobs1795355388624';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."queued_jobs" ("id" uuid NOT NULL, "queue" character varying(64) NOT NULL, "name" character varying(128) NOT NULL, "job_key" character varying(255) NOT NULL, "data" jsonb NOT NULL, "status" character varying(16) NOT NULL, "attempts_made" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL, "backoff_ms" integer NOT NULL, "run_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "result" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bcc60858de99b50a4d5c951fc90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_queued_jobs_ready" ON "app"."queued_jobs"  ("status", "run_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_queued_jobs_queue_job_key" ON "app"."queued_jobs"  ("queue", "job_key") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "app"."uq_queued_jobs_queue_job_key"`);
    await queryRunner.query(`DROP INDEX "app"."ix_queued_jobs_ready"`);
    await queryRunner.query(`DROP TABLE "app"."queued_jobs"`);
  }
}
