import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795356879432 implements MigrationInterface {
  name = 'Identity1795356879432';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."users" ("id" uuid NOT NULL, "email" character varying(320), "password_hash" character varying(255), "account_type" character varying(16) NOT NULL, "user_type" character varying(16), "name" character varying(200), "language" character varying(16), "age_class" character varying(16), "country" character varying(2), "school" character varying(200), "roles" text array NOT NULL DEFAULT '{}', "password_changed_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_email" ON "app"."users"  ("email") WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."app_sessions" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "origin" character varying(16) NOT NULL, "scope" character varying(24) NOT NULL, "capabilities" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_active_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1cf3cd4b3554ca6e66507833276" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_app_sessions_user" ON "app"."app_sessions"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."login_attempts" ("id" uuid NOT NULL, "account_key" character varying(64) NOT NULL, "ip" character varying(64) NOT NULL, "succeeded" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_attempts_ip" ON "app"."login_attempts"  ("ip", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_attempts_account" ON "app"."login_attempts"  ("account_key", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."password_reset_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_password_reset_tokens_hash" ON "app"."password_reset_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."password_reset_attempts" ("id" uuid NOT NULL, "ip" character varying(64) NOT NULL, "succeeded" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12a98cd89eb47cb6b989fd55d74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_password_reset_attempts_ip" ON "app"."password_reset_attempts"  ("ip", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."refresh_tokens" ("id" uuid NOT NULL, "session_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_session" ON "app"."refresh_tokens"  ("session_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "app"."refresh_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."revoked_jtis" ("jti" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a6983fedfe290e1c37ce9edd678" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_revoked_jtis_expires" ON "app"."revoked_jtis"  ("expires_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."trusted_clients" ("id" uuid NOT NULL, "name" character varying(100) NOT NULL, "idp" character varying(64) NOT NULL, "secret_hash" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a0f2c50f6faa41061d303b7b155" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."user_consents" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "terms_version" character varying(32) NOT NULL, "consent_ip" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_65e4c6d6204ad8719abf4b30326" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_user_consents_user_version" ON "app"."user_consents"  ("user_id", "terms_version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."idp_logins" ("idp" character varying(64) NOT NULL, "login_id" character varying(255) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6696d54c3cd9296f50908fbfe34" PRIMARY KEY ("idp", "login_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_idp_logins_user" ON "app"."idp_logins"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."user_api_keys" ("user_id" uuid NOT NULL, "provider" character varying(64) NOT NULL, "ciphertext" text NOT NULL, "last_four" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0811f8b0044fb1c2a19946d5727" PRIMARY KEY ("user_id", "provider"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."mail_outbox" ("id" uuid NOT NULL, "recipient" character varying(320) NOT NULL, "template" character varying(64) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_mail_outbox_recipient" ON "app"."mail_outbox"  ("recipient", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."app_sessions" ADD CONSTRAINT "FK_510208026848a56d2f38b918639" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."password_reset_tokens" ADD CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."refresh_tokens" ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "app"."app_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."user_consents" ADD CONSTRAINT "FK_6283f1222bdc2390cf16836ce7d" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."idp_logins" ADD CONSTRAINT "FK_e86a9659a9f46ef9650c2b68218" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."user_api_keys" ADD CONSTRAINT "FK_42f98f737ddeea944b7b184685c" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."user_api_keys" DROP CONSTRAINT "FK_42f98f737ddeea944b7b184685c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."idp_logins" DROP CONSTRAINT "FK_e86a9659a9f46ef9650c2b68218"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."user_consents" DROP CONSTRAINT "FK_6283f1222bdc2390cf16836ce7d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."refresh_tokens" DROP CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."password_reset_tokens" DROP CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."app_sessions" DROP CONSTRAINT "FK_510208026848a56d2f38b918639"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_mail_outbox_recipient"`);
    await queryRunner.query(`DROP TABLE "app"."mail_outbox"`);
    await queryRunner.query(`DROP TABLE "app"."user_api_keys"`);
    await queryRunner.query(`DROP INDEX "app"."ix_idp_logins_user"`);
    await queryRunner.query(`DROP TABLE "app"."idp_logins"`);
    await queryRunner.query(`DROP INDEX "app"."uq_user_consents_user_version"`);
    await queryRunner.query(`DROP TABLE "app"."user_consents"`);
    await queryRunner.query(`DROP TABLE "app"."trusted_clients"`);
    await queryRunner.query(`DROP INDEX "app"."ix_revoked_jtis_expires"`);
    await queryRunner.query(`DROP TABLE "app"."revoked_jtis"`);
    await queryRunner.query(`DROP INDEX "app"."uq_refresh_tokens_hash"`);
    await queryRunner.query(`DROP INDEX "app"."ix_refresh_tokens_session"`);
    await queryRunner.query(`DROP TABLE "app"."refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "app"."ix_password_reset_attempts_ip"`);
    await queryRunner.query(`DROP TABLE "app"."password_reset_attempts"`);
    await queryRunner.query(`DROP INDEX "app"."uq_password_reset_tokens_hash"`);
    await queryRunner.query(`DROP TABLE "app"."password_reset_tokens"`);
    await queryRunner.query(`DROP INDEX "app"."ix_login_attempts_account"`);
    await queryRunner.query(`DROP INDEX "app"."ix_login_attempts_ip"`);
    await queryRunner.query(`DROP TABLE "app"."login_attempts"`);
    await queryRunner.query(`DROP INDEX "app"."ix_app_sessions_user"`);
    await queryRunner.query(`DROP TABLE "app"."app_sessions"`);
    await queryRunner.query(`DROP INDEX "app"."uq_users_email"`);
    await queryRunner.query(`DROP TABLE "app"."users"`);
  }
}
