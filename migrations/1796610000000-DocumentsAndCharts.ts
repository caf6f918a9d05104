import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentsAndCharts1796610000000 implements MigrationInterface {
  name = 'DocumentsAndCharts1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."charts" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "message_id" uuid, "title" character varying(300) NOT NULL, "spec" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa7124425552d2d37725307008b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_charts_message" ON "app"."charts"  ("message_id") WHERE message_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_charts_conversation" ON "app"."charts"  ("conversation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."documents" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_documents_conversation" ON "app"."documents"  ("conversation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."document_versions" ("id" uuid NOT NULL, "document_id" uuid NOT NULL, "version" integer NOT NULL, "title" character varying(300) NOT NULL, "content" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_versions_number" ON "app"."document_versions"  ("document_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."document_suggestions" ("id" uuid NOT NULL, "document_id" uuid NOT NULL, "version_id" uuid NOT NULL, "original_text" text NOT NULL, "suggested_text" text NOT NULL, "description" text, "resolved" boolean NOT NULL DEFAULT false, "resolution" character varying(16), "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_753dcf26cff283824b9afa2f7eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_document_suggestions_version" ON "app"."document_suggestions"  ("version_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_document_suggestions_document" ON "app"."document_suggestions"  ("document_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."charts" ADD CONSTRAINT "FK_6d3a2efa4f7c986c6897bab6816" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."charts" ADD CONSTRAINT "FK_613ce24240a2d4d511d55a83583" FOREIGN KEY ("message_id") REFERENCES "app"."messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."documents" ADD CONSTRAINT "FK_9b79ec4e3f5126a9ff234f020bb" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."document_versions" ADD CONSTRAINT "FK_ac75577bca976d6d581b0f459b6" FOREIGN KEY ("document_id") REFERENCES "app"."documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."document_suggestions" ADD CONSTRAINT "FK_307d5841426edb1856228dab95f" FOREIGN KEY ("document_id") REFERENCES "app"."documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."document_suggestions" ADD CONSTRAINT "FK_eaa3bcbec4c2b37d2efa89170f0" FOREIGN KEY ("version_id") REFERENCES "app"."document_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."document_suggestions" DROP CONSTRAINT "FK_eaa3bcbec4c2b37d2efa89170f0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."document_suggestions" DROP CONSTRAINT "FK_307d5841426edb1856228dab95f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."document_versions" DROP CONSTRAINT "FK_ac75577bca976d6d581b0f459b6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."documents" DROP CONSTRAINT "FK_9b79ec4e3f5126a9ff234f020bb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."charts" DROP CONSTRAINT "FK_613ce24240a2d4d511d55a83583"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."charts" DROP CONSTRAINT "FK_6d3a2efa4f7c986c6897bab6816"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_document_suggestions_document"`);
    await queryRunner.query(`DROP INDEX "app"."ix_document_suggestions_version"`);
    await queryRunner.query(`DROP TABLE "app"."document_suggestions"`);
    await queryRunner.query(`DROP INDEX "app"."uq_document_versions_number"`);
    await queryRunner.query(`DROP TABLE "app"."document_versions"`);
    await queryRunner.query(`DROP INDEX "app"."ix_documents_conversation"`);
    await queryRunner.query(`DROP TABLE "app"."documents"`);
    await queryRunner.query(`DROP INDEX "app"."ix_charts_conversation"`);
    await queryRunner.query(`DROP INDEX "app"."ix_charts_message"`);
    await queryRunner.query(`DROP TABLE "app"."charts"`);
  }
}
