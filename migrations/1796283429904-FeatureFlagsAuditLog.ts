import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FeatureFlagsAuditLog1796283429904 implements MigrationInterface {
  name = 'FeatureFlagsAuditLog1796283429904';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."audit_log" ("id" uuid NOT NULL, "actor_type" character varying(16) NOT NULL, "actor_id" uuid, "action" character varying(64) NOT NULL, "target_type" character varying(32) NOT NULL, "target_id" character varying(200) NOT NULL, "before" jsonb, "after" jsonb, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    // Append-only: entries are inserted, never changed or removed.
    await queryRunner.query(
      `CREATE FUNCTION "app"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'app.audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "app"."audit_log"
       FOR EACH ROW EXECUTE FUNCTION "app"."audit_log_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."feature_flags" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL, "description" text, "is_enabled" boolean NOT NULL DEFAULT false, "environment" character varying(16) NOT NULL DEFAULT 'all', "visibility" character varying(16) NOT NULL DEFAULT 'all', "variant" character varying(16) NOT NULL DEFAULT 'all', "targeting_rules" jsonb NOT NULL DEFAULT '{"rules": [], "rollout": null}', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db657d344e9caacfc9d5cf8bbac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_feature_flags_name" ON "app"."feature_flags"  ("name") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "app"."uq_feature_flags_name"`);
    await queryRunner.query(`DROP TABLE "app"."feature_flags"`);
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "app"."audit_log"`);
    await queryRunner.query(`DROP FUNCTION "app"."audit_log_append_only"()`);
    await queryRunner.query(`DROP TABLE "app"."audit_log"`);
  }
}
