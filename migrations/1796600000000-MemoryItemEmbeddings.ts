import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Memory items that have text carry their embedding (and the profile it was
 * made with) in the same row: it goes whenever the item goes (delete, expiry,
 * erasure), and searches scan one user's rows exactly, in every vector mode.
 */
export class MemoryItemEmbeddings1796600000000 implements MigrationInterface {
  name = 'MemoryItemEmbeddings1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memory"."items" ADD "embedding" real array`);
    await queryRunner.query(
      `ALTER TABLE "memory"."items" ADD "embedding_profile" character varying(200)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memory"."items" DROP COLUMN "embedding_profile"`);
    await queryRunner.query(`ALTER TABLE "memory"."items" DROP COLUMN "embedding"`);
  }
}
