import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Export archives of a user's data (POST /v1/me/exports), built by a job. */
export class DataExports1796600003000 implements MigrationInterface {
  name = 'DataExports1796600003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."data_exports" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "sections_done" integer NOT NULL DEFAULT '0', "sections_total" integer NOT NULL DEFAULT '0', "size" bigint, "blob_key" character varying(300), "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3e8b8b297ef4446f30527695c10" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_data_exports_user" ON "app"."data_exports"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."data_exports" ADD CONSTRAINT "FK_8ee9254a3040f10d3f57d789d29" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."data_exports" DROP CONSTRAINT "FK_8ee9254a3040f10d3f57d789d29"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_data_exports_user"`);
    await queryRunner.query(`DROP TABLE "app"."data_exports"`);
  }
}
