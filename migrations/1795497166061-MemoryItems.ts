import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MemoryItems1795497166061 implements MigrationInterface {
  name = 'MemoryItems1795497166061';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "memory"."items" ("user_id" uuid NOT NULL, "namespace" character varying(512) NOT NULL, "key" character varying(256) NOT NULL, "value" jsonb NOT NULL, "text" text, "expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61e5106dfa4b2c5bafd6faae92a" PRIMARY KEY ("user_id", "namespace", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_memory_items_expires" ON "memory"."items"  ("expires_at") WHERE expires_at IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "memory"."items" ADD CONSTRAINT "FK_3b934e62fb52bac909e0ddf5422" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "memory"."items" DROP CONSTRAINT "FK_3b934e62fb52bac909e0ddf5422"`,
    );
    await queryRunner.query(`DROP INDEX "memory"."ix_memory_items_expires"`);
    await queryRunner.query(`DROP TABLE "memory"."items"`);
  }
}
