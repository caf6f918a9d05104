import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LocalizedContent1796400001000 implements MigrationInterface {
  name = 'LocalizedContent1796400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."localized_content" ("category" character varying(32) NOT NULL, "language" character varying(35) NOT NULL, "variant" character varying(16) NOT NULL, "key" character varying(100) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c58354df37196db0269d63a76bf" PRIMARY KEY ("category", "language", "variant", "key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app"."localized_content"`);
  }
}
