import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Parental consent and its requests; collectives, memberships and invitations (seed 001). */
export class Collectives1795498003704 implements MigrationInterface {
  name = 'Collectives1795498003704';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."parental_consents" ("parent_id" uuid NOT NULL, "teenager_id" uuid NOT NULL, "consent_ip" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_adc13542940a6b90d061a7ab5fc" PRIMARY KEY ("parent_id", "teenager_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_parental_consents_teenager" ON "app"."parental_consents"  ("teenager_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."parental_requests" ("id" uuid NOT NULL, "teenager_id" uuid NOT NULL, "parent_email" character varying(320) NOT NULL, "token_hash" character varying(64) NOT NULL, "status" character varying(16) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21380c5b13b5c336f9f33257c42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_parental_requests_teenager" ON "app"."parental_requests"  ("teenager_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_parental_requests_token_hash" ON "app"."parental_requests"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."collectives" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "type" character varying(16) NOT NULL, "parent_id" uuid, "parental_consent_granted" boolean NOT NULL DEFAULT false, "parental_consent_granted_by" uuid, "parental_consent_granted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9197f8fa3500cdaa0ba2e2939a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_collectives_parent" ON "app"."collectives"  ("parent_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."invitations" ("id" uuid NOT NULL, "collective_id" uuid NOT NULL, "inviter_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "age_class" character varying(16), "language" character varying(16), "label" character varying(200), "usage_limit" integer, "current_uses" integer NOT NULL DEFAULT '0', "status" character varying(16) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_invitations_usage" CHECK (usage_limit IS NULL OR current_uses <= usage_limit), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_invitations_collective" ON "app"."invitations"  ("collective_id", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_invitations_token_hash" ON "app"."invitations"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."collective_memberships" ("id" uuid NOT NULL, "collective_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_271389c3d8a541be824bc8c2f5d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_collective_memberships_user" ON "app"."collective_memberships"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_collective_memberships_collective_user" ON "app"."collective_memberships"  ("collective_id", "user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_consents" ADD CONSTRAINT "FK_14103f3bb5d291171fa733f9482" FOREIGN KEY ("parent_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_consents" ADD CONSTRAINT "FK_69d4fb0306f364d1e0e3662ee8c" FOREIGN KEY ("teenager_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_requests" ADD CONSTRAINT "FK_290c342e5075c402793ab9fb6fe" FOREIGN KEY ("teenager_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_requests" ADD CONSTRAINT "FK_2ebbdc3a2509d308f0234814772" FOREIGN KEY ("approved_by") REFERENCES "app"."users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collectives" ADD CONSTRAINT "FK_9b9577c78fb1c58eaf182147c91" FOREIGN KEY ("parent_id") REFERENCES "app"."collectives"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collectives" ADD CONSTRAINT "FK_7774fcd641e696830a060f589c8" FOREIGN KEY ("parental_consent_granted_by") REFERENCES "app"."users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."invitations" ADD CONSTRAINT "FK_b6631bf0ff94051ac70bcf664db" FOREIGN KEY ("collective_id") REFERENCES "app"."collectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."invitations" ADD CONSTRAINT "FK_9752bd6630e9c8a1e1b046b43e7" FOREIGN KEY ("inviter_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."invitations" ADD CONSTRAINT "FK_fdcaac54a139fa30a51ce246f98" FOREIGN KEY ("accepted_by") REFERENCES "app"."users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collective_memberships" ADD CONSTRAINT "FK_4e934e39aa5af878d36187adb07" FOREIGN KEY ("collective_id") REFERENCES "app"."collectives"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collective_memberships" ADD CONSTRAINT "FK_0e018bd95097d543505e075a54f" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."collective_memberships" DROP CONSTRAINT "FK_0e018bd95097d543505e075a54f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collective_memberships" DROP CONSTRAINT "FK_4e934e39aa5af878d36187adb07"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."invitations" DROP CONSTRAINT "FK_fdcaac54a139fa30a51ce246f98"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."invitations" DROP CONSTRAINT "FK_9752bd6630e9c8a1e1b046b43e7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."invitations" DROP CONSTRAINT "FK_b6631bf0ff94051ac70bcf664db"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collectives" DROP CONSTRAINT "FK_7774fcd641e696830a060f589c8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."collectives" DROP CONSTRAINT "FK_9b9577c78fb1c58eaf182147c91"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_requests" DROP CONSTRAINT "FK_2ebbdc3a2509d308f0234814772"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_requests" DROP CONSTRAINT "FK_290c342e5075c402793ab9fb6fe"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_consents" DROP CONSTRAINT "FK_69d4fb0306f364d1e0e3662ee8c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."parental_consents" DROP CONSTRAINT "FK_14103f3bb5d291171fa733f9482"`,
    );
    await queryRunner.query(`DROP INDEX "app"."uq_collective_memberships_collective_user"`);
    await queryRunner.query(`DROP INDEX "app"."ix_collective_memberships_user"`);
    await queryRunner.query(`DROP TABLE "app"."collective_memberships"`);
    await queryRunner.query(`DROP INDEX "app"."uq_invitations_token_hash"`);
    await queryRunner.query(`DROP INDEX "app"."ix_invitations_collective"`);
    await queryRunner.query(`DROP TABLE "app"."invitations"`);
    await queryRunner.query(`DROP INDEX "app"."ix_collectives_parent"`);
    await queryRunner.query(`DROP TABLE "app"."collectives"`);
    await queryRunner.query(`DROP INDEX "app"."uq_parental_requests_token_hash"`);
    await queryRunner.query(`DROP INDEX "app"."ix_parental_requests_teenager"`);
    await queryRunner.query(`DROP TABLE "app"."parental_requests"`);
    await queryRunner.query(`DROP INDEX "app"."ix_parental_consents_teenager"`);
    await queryRunner.query(`DROP TABLE "app"."parental_consents"`);
  }
}
