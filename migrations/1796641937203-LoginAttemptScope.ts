import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Password attempts by lockout space: erase confirmations are counted apart from sign-ins. */
export class LoginAttemptScope1796641937203 implements MigrationInterface {
  name = 'LoginAttemptScope1796641937203';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."login_attempts" ADD "scope" character varying(16) NOT NULL DEFAULT 'sign-in'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app"."login_attempts" DROP COLUMN "scope"`);
  }
}
