import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The searchable text of a message: its plain content and the `text` of its
 * text parts, tokenised with the language-neutral `simple` configuration
 * (Parley serves many languages). Frozen here as written; the repository's copy
 * must stay identical or the planner will not use the index (a unit test checks).
 */
const MESSAGE_SEARCH_VECTOR = `to_tsvector('simple'::regconfig, coalesce(content, '')) || jsonb_to_tsvector('simple'::regconfig, coalesce(jsonb_path_query_array(parts, '$[*] ? (@.type == "text").text'), '[]'::jsonb), '["string"]'::jsonb)`;

/** Conversations, chat sessions, messages, votes, per-thread config and feedback. */
export class Conversations1795497249148 implements MigrationInterface {
  name = 'Conversations1795497249148';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app"."conversations" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "title" character varying(300), "type" character varying(16) NOT NULL DEFAULT 'general', "visibility" character varying(16) NOT NULL DEFAULT 'private', "summary" text, "summary_as_of" TIMESTAMP WITH TIME ZONE, "persona" character varying(64), "metadata" jsonb NOT NULL DEFAULT '{}', "usage_context" jsonb, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conversations_user_activity" ON "app"."conversations"  ("user_id", "last_activity_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."chat_sessions" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_efc151a4aafa9a28b73dedc485f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chat_sessions_conversation" ON "app"."chat_sessions"  ("conversation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."conversation_configs" ("conversation_id" uuid NOT NULL, "model" character varying(200), "temperature" double precision, "system_prompt" text, "context_window" integer, "settings" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_50eed40492b00e4b45dc646282a" PRIMARY KEY ("conversation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."feedback" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "session_id" uuid, "rating" smallint, "comment" text, "is_positive" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8389f9e087a57689cd5be8b2b13" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_session" ON "app"."feedback"  ("session_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_user" ON "app"."feedback"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."messages" ("id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "chat_session_id" uuid, "message_id" character varying(200) NOT NULL, "parent_id" uuid, "role" character varying(16) NOT NULL, "content" text, "parts" jsonb, "tool_name" character varying(200), "tool_call_id" character varying(200), "tool_input" jsonb, "tool_output" jsonb, "citations" jsonb, "context" jsonb, "metadata" jsonb NOT NULL DEFAULT '{}', "content_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_messages_parent" ON "app"."messages"  ("parent_id") WHERE parent_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_messages_conversation_id" ON "app"."messages"  ("conversation_id", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_messages_conversation_message_id" ON "app"."messages"  ("conversation_id", "message_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_messages_search" ON "app"."messages" USING gin ((${MESSAGE_SEARCH_VECTOR}))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app"."message_votes" ("message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "value" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6955e84023a372dd4c8c918ae87" PRIMARY KEY ("message_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_message_votes_user" ON "app"."message_votes"  ("user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversations" ADD CONSTRAINT "FK_3a9ae579e61e81cc0e989afeb4a" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."chat_sessions" ADD CONSTRAINT "FK_850336ad5835301553bd1f7cda4" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_configs" ADD CONSTRAINT "FK_50eed40492b00e4b45dc646282a" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."feedback" ADD CONSTRAINT "FK_121c67d42dd543cca0809f59901" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."messages" ADD CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23" FOREIGN KEY ("conversation_id") REFERENCES "app"."conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."messages" ADD CONSTRAINT "FK_33369bc7d291ae4605005c14da1" FOREIGN KEY ("chat_session_id") REFERENCES "app"."chat_sessions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."messages" ADD CONSTRAINT "FK_932abe146b78bd584b4d1851ce3" FOREIGN KEY ("parent_id") REFERENCES "app"."messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."message_votes" ADD CONSTRAINT "FK_f45d7931cbc25005b441ca506d4" FOREIGN KEY ("message_id") REFERENCES "app"."messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."message_votes" ADD CONSTRAINT "FK_5530f2532894502d208506a4b60" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "app"."message_votes" DROP CONSTRAINT "FK_5530f2532894502d208506a4b60"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."message_votes" DROP CONSTRAINT "FK_f45d7931cbc25005b441ca506d4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."messages" DROP CONSTRAINT "FK_932abe146b78bd584b4d1851ce3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."messages" DROP CONSTRAINT "FK_33369bc7d291ae4605005c14da1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."messages" DROP CONSTRAINT "FK_3bc55a7c3f9ed54b520bb5cfe23"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."feedback" DROP CONSTRAINT "FK_121c67d42dd543cca0809f59901"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversation_configs" DROP CONSTRAINT "FK_50eed40492b00e4b45dc646282a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."chat_sessions" DROP CONSTRAINT "FK_850336ad5835301553bd1f7cda4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "app"."conversations" DROP CONSTRAINT "FK_3a9ae579e61e81cc0e989afeb4a"`,
    );
    await queryRunner.query(`DROP INDEX "app"."ix_messages_search"`);
    await queryRunner.query(`DROP INDEX "app"."ix_message_votes_user"`);
    await queryRunner.query(`DROP TABLE "app"."message_votes"`);
    await queryRunner.query(`DROP INDEX "app"."uq_messages_conversation_message_id"`);
    await queryRunner.query(`DROP INDEX "app"."ix_messages_conversation_id"`);
    await queryRunner.query(`DROP INDEX "app"."ix_messages_parent"`);
    await queryRunner.query(`DROP TABLE "app"."messages"`);
    await queryRunner.query(`DROP INDEX "app"."ix_feedback_user"`);
    await queryRunner.query(`DROP INDEX "app"."ix_feedback_session"`);
    await queryRunner.query(`DROP TABLE "app"."feedback"`);
    await queryRunner.query(`DROP TABLE "app"."conversation_configs"`);
    await queryRunner.query(`DROP INDEX "app"."ix_chat_sessions_conversation"`);
    await queryRunner.query(`DROP TABLE "app"."chat_sessions"`);
    await queryRunner.query(`DROP INDEX "app"."ix_conversations_user_activity"`);
    await queryRunner.query(`DROP TABLE "app"."conversations"`);
  }
}
