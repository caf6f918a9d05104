import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Artifacts1796283471789 implements MigrationInterface {
  name = 'Artifacts1796283471789';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."artifact_blobs" ("sha256" character varying(64) NOT NULL, "size" bigint NOT NULL, "mime" character varying(255) NOT NULL, "orphaned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_23372d95d229d894b6b3967f036" PRIMARY KEY ("sha256"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_artifact_blobs_orphaned" ON "app"."artifact_blobs"  ("orphaned_at") WHERE orphaned_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."artifacts" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "sha256" character varying(64) NOT NULL, "filename" character varying(255) NOT NULL, "mime" character varying(255) NOT NULL, "size" bigint NOT NULL, "session_id" uuid, "run_id" character varying(200), "tool_call_id" character varying(200), "metadata" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6516bbed3c129918e05c5012edb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_artifacts_sha256" ON "app"."artifacts"  ("sha256") `);
    await queryRunner.query(`CREATE INDEX "ix_artifacts_user" ON "app"."artifacts"  ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_artifacts_conversation" ON "app"."artifacts"  ("conversation_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifacts" ADD CONSTRAINT "FK_bc1a27f0686dce8deec3645d1f8" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifacts" ADD CONSTRAINT "FK_e4d6243e8d117aaaf2a7522b9f7" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifacts" ADD CONSTRAINT "FK_397689a166d04ea82118a1f666a" FOREIGN KEY ("sha256") REFERENCES "app"."artifact_blobs"("sha256") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."artifacts" DROP CONSTRAINT "FK_397689a166d04ea82118a1f666a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifacts" DROP CONSTRAINT "FK_e4d6243e8d117aaaf2a7522b9f7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."artifacts" DROP CONSTRAINT "FK_bc1a27f0686dce8deec3645d1f8"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_artifacts_conversation"`);
    await queryRunner.query(`DROP INDEX "app"."ix_artifacts_user"`);
    await queryRunner.query(`DROP INDEX "app"."ix_artifacts_sha256"`);
    await queryRunner.query(`DROP TABLE "app"."artifacts"`);
    await queryRunner.query(`DROP INDEX "app"."ix_artifact_blobs_orphaned"`);
    await queryRunner.query(`DROP TABLE "app"."artifact_blobs"`);
  }
}
