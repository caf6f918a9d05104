import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttemptBlocked1795502838496 implements MigrationInterface {
  name = 'LoginAttemptBlocked1795502838496';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."login_attempts" ADD "blocked" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app"."login_attempts" DROP COLUMN "blocked"`);
  }
}
