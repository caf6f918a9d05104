import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RAG semantic cache: per scope (collections at their generations, audience,
 * model, k, mode, filter), a query's embedding and the chunk ids it found.
 */
export class RagSemanticCache1796500000000 implements MigrationInterface {
  name = 'RagSemanticCache1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cache"."rag_semantic_entries" ("id" uuid NOT NULL, "scope_key" character(64) NOT NULL, "collection_ids" uuid array NOT NULL, "generations" integer array NOT NULL, "query_embedding" real array NOT NULL, "chunk_ids" uuid array NOT NULL, "scores" double precision array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cfc236aef2bc2a9bc551aac7c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cache_rag_semantic_collections" ON "cache"."rag_semantic_entries" USING gin ("collection_ids") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cache_rag_semantic_scope" ON "cache"."rag_semantic_entries"  ("scope_key", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "cache"."ix_cache_rag_semantic_scope"`);
    await queryRunner.query(`DROP INDEX "cache"."ix_cache_rag_semantic_collections"`);
    await queryRunner.query(`DROP TABLE "cache"."rag_semantic_entries"`);
  }
}
