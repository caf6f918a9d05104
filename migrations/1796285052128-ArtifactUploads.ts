import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ArtifactUploads1796285052128 implements MigrationInterface {
  name = 'ArtifactUploads1796285052128';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."artifact_uploads" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "sha256" character varying(64) NOT NULL, "size" bigint NOT NULL, "filename" character varying(255), "session_id" uuid, "run_id" character varying(200), "tool_call_id" character varying(200), "metadata" jsonb NOT NULL DEFAULT '{}', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34ddfedcb1429abb5d61b87e456" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_artifact_uploads_user" ON "app"."artifact_uploads"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_artifact_uploads_expires" ON "app"."artifact_uploads"  ("expires_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifact_uploads" ADD CONSTRAINT "FK_d5f68766f041ea7f696c34f2f34" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifact_uploads" ADD CONSTRAINT "FK_1ddb512186543ceca4890adbd1b" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."artifact_uploads" DROP CONSTRAINT "FK_1ddb512186543ceca4890adbd1b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifact_uploads" DROP CONSTRAINT "FK_d5f68766f041ea7f696c34f2f34"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_artifact_uploads_expires"`);
    await queryRunner.query(`DROP INDEX "app"."ix_artifact_uploads_user"`);
    await queryRunner.query(`DROP TABLE "app"."artifact_uploads"`);
  }
}
