import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Model changes of RAG collections: each new embedding profile (at most one
 * building per collection) and the vectors it is built from until the switch
 * moves them into rag.chunks. Plain `real[]`, so identical with or without
 * pgvector; the HNSW index of a new size is made at run time, as the others.
 */
export class RagEmbeddingProfiles1796600001000 implements MigrationInterface {
  name = 'RagEmbeddingProfiles1796600001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rag"."embedding_profiles" ("id" uuid NOT NULL, "collection_id" uuid NOT NULL, "provider" character varying(32) NOT NULL, "model" character varying(128) NOT NULL, "dimensions" integer NOT NULL, "distance" character varying(16) NOT NULL DEFAULT 'cosine', "status" character varying(16) NOT NULL, "chunks_done" integer NOT NULL DEFAULT '0', "chunks_total" integer NOT NULL DEFAULT '0', "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_92d6eb941d0f1ba66a43edc4297" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rag_embedding_profiles_building" ON "rag"."embedding_profiles"  ("collection_id") WHERE status = 'building'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_embedding_profiles_collection" ON "rag"."embedding_profiles"  ("collection_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rag"."profile_vectors" ("profile_id" uuid NOT NULL, "chunk_id" uuid NOT NULL, "chunk_key" character(64) NOT NULL, "embedding" real array NOT NULL, CONSTRAINT "PK_8ed6acff824b89cc48e1b011a7c" PRIMARY KEY ("profile_id", "chunk_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_profile_vectors_chunk" ON "rag"."profile_vectors"  ("chunk_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."embedding_profiles" ADD CONSTRAINT "FK_cfcd85b73e3eea6c9fb6ee1ca3b" FOREIGN KEY ("collection_id") REFERENCES "rag"."collections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."profile_vectors" ADD CONSTRAINT "FK_da7322cfb3391eb3beb5683e184" FOREIGN KEY ("profile_id") REFERENCES "rag"."embedding_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."profile_vectors" ADD CONSTRAINT "FK_b9e85e6d7a5a46a1e0e3ef9d1c4" FOREIGN KEY ("chunk_id") REFERENCES "rag"."chunks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "rag"."profile_vectors" DROP CONSTRAINT "FK_b9e85e6d7a5a46a1e0e3ef9d1c4"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."profile_vectors" DROP CONSTRAINT "FK_da7322cfb3391eb3beb5683e184"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."embedding_profiles" DROP CONSTRAINT "FK_cfcd85b73e3eea6c9fb6ee1ca3b"`,
    );
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_profile_vectors_chunk"`);
    await queryRunner.query(`DROP TABLE "rag"."profile_vectors"`);
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_embedding_profiles_collection"`);
    await queryRunner.query(`DROP INDEX "rag"."uq_rag_embedding_profiles_building"`);
    await queryRunner.query(`DROP TABLE "rag"."embedding_profiles"`);
  }
}
