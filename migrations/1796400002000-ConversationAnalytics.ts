import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversationAnalytics1796400002000 implements MigrationInterface {
  name = 'ConversationAnalytics1796400002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."conversation_analytics" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "mood" character varying(64) NOT NULL, "strategy" character varying(64) NOT NULL, "summary" text NOT NULL, "chatbot_version" character varying(64) NOT NULL, "language" character varying(35) NOT NULL, "bullying_message" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d0716e93fa6410f66ef2555f30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_analytics_owner" ON "app"."conversation_analytics"  ("owner_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_analytics_conversation" ON "app"."conversation_analytics"  ("conversation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_analytics_created" ON "app"."conversation_analytics"  ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."conversation_messages_categorized" ("id" uuid NOT NULL, "analytics_id" uuid NOT NULL, "category" character varying(64) NOT NULL, CONSTRAINT "PK_a986820502a2142f04b2ab5d6bf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_messages_categorized_analytics" ON "app"."conversation_messages_categorized"  ("analytics_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."conversation_moods_categorized" ("id" uuid NOT NULL, "analytics_id" uuid NOT NULL, "category" character varying(64) NOT NULL, CONSTRAINT "PK_e144d490a9ab5ee09897e42ad78" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_moods_categorized_analytics" ON "app"."conversation_moods_categorized"  ("analytics_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."conversation_strategies_categorized" ("id" uuid NOT NULL, "analytics_id" uuid NOT NULL, "category" character varying(64) NOT NULL, CONSTRAINT "PK_ffc1223bc9d64779c759586a10e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_strategies_categorized_analytics" ON "app"."conversation_strategies_categorized"  ("analytics_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."conversation_answer_types_categorized" ("id" uuid NOT NULL, "analytics_id" uuid NOT NULL, "category" character varying(64) NOT NULL, CONSTRAINT "PK_af906021b26994cf14987285716" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversation_answer_types_categorized_analytics" ON "app"."conversation_answer_types_categorized"  ("analytics_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_analytics" ADD CONSTRAINT "FK_c31f0da968df39e26700d0c0829" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_analytics" ADD CONSTRAINT "FK_73e97522f5d3f71a5c4c66954f0" FOREIGN KEY ("owner_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_messages_categorized" ADD CONSTRAINT "FK_a988523dd372ce6fa469aad8df5" FOREIGN KEY ("analytics_id") REFERENCES "app"."conversation_analytics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_moods_categorized" ADD CONSTRAINT "FK_320c2b437f81c3933bcee62e1a2" FOREIGN KEY ("analytics_id") REFERENCES "app"."conversation_analytics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_strategies_categorized" ADD CONSTRAINT "FK_e5a4182d45ca7c104acec010d9d" FOREIGN KEY ("analytics_id") REFERENCES "app"."conversation_analytics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_answer_types_categorized" ADD CONSTRAINT "FK_0f92ade3fef2381a1631d20b1b1" FOREIGN KEY ("analytics_id") REFERENCES "app"."conversation_analytics"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_answer_types_categorized" DROP CONSTRAINT "FK_0f92ade3fef2381a1631d20b1b1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_strategies_categorized" DROP CONSTRAINT "FK_e5a4182d45ca7c104acec010d9d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_moods_categorized" DROP CONSTRAINT "FK_320c2b437f81c3933bcee62e1a2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_messages_categorized" DROP CONSTRAINT "FK_a988523dd372ce6fa469aad8df5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_analytics" DROP CONSTRAINT "FK_73e97522f5d3f71a5c4c66954f0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_analytics" DROP CONSTRAINT "FK_c31f0da968df39e26700d0c0829"`,
    );
    await queryRunner.query(
      `DROP INDEX "app"."ix_conversation_answer_types_categorized_analytics"`,
    );
    await queryRunner.query(`DROP TABLE "app"."conversation_answer_types_categorized"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversation_strategies_categorized_analytics"`);
    await queryRunner.query(`DROP TABLE "app"."conversation_strategies_categorized"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversation_moods_categorized_analytics"`);
    await queryRunner.query(`DROP TABLE "app"."conversation_moods_categorized"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversation_messages_categorized_analytics"`);
    await queryRunner.query(`DROP TABLE "app"."conversation_messages_categorized"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversation_analytics_created"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversation_analytics_conversation"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversation_analytics_owner"`);
    await queryRunner.query(`DROP TABLE "app"."conversation_analytics"`);
  }
}
