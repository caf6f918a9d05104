import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (seed 001's rag schema). Embeddings are portable `real[]`
 * so this migration is the same on every PostgreSQL: where pgvector exists, the
 * service adds HNSW expression indexes over `embedding::vector(n)` at run time;
 * elsewhere `rag.cosine_distance` lets the database order an exact scan.
 */
export class RagKnowledgeBase1796282950198 implements MigrationInterface {
  name = 'RagKnowledgeBase1796282950198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rag"."collections" ("id" uuid NOT NULL, "name" character varying(64) NOT NULL, "audience" character varying(16) NOT NULL, "embedding_provider" character varying(32) NOT NULL, "embedding_model" character varying(128) NOT NULL, "embedding_dimensions" integer NOT NULL, "embedding_distance" character varying(16) NOT NULL DEFAULT 'cosine', "chunk_size" integer NOT NULL, "chunk_overlap" integer NOT NULL, "generation" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21c00b1ebbd41ba1354242c5c4e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rag_collections_name" ON "rag"."collections"  ("name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rag"."documents" ("id" uuid NOT NULL, "collection_id" uuid NOT NULL, "title" character varying(500) NOT NULL, "source_kind" character varying(8) NOT NULL, "metadata" jsonb NOT NULL DEFAULT '{}', "content" text NOT NULL, "content_sha256" character(64) NOT NULL, "status" character varying(16) NOT NULL, "error" text, "chunks_done" integer NOT NULL DEFAULT '0', "chunks_total" integer NOT NULL DEFAULT '0', "indexed_sha256" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "indexed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_documents_collection" ON "rag"."documents"  ("collection_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rag"."chunks" ("id" uuid NOT NULL, "document_id" uuid NOT NULL, "collection_id" uuid NOT NULL, "ordinal" integer NOT NULL, "content" text NOT NULL, "token_count" integer NOT NULL, "metadata" jsonb NOT NULL DEFAULT '{}', "chunk_key" character(64) NOT NULL, "embedding" real array NOT NULL, "tsv" tsvector NOT NULL, CONSTRAINT "PK_a306e60b8fdf6e7de1be4be1e6a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_chunks_metadata" ON "rag"."chunks" USING gin ("metadata") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_chunks_tsv" ON "rag"."chunks" USING gin ("tsv") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_chunks_key" ON "rag"."chunks"  ("collection_id", "chunk_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rag_chunks_document" ON "rag"."chunks"  ("document_id", "ordinal") `,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."documents" ADD CONSTRAINT "FK_71754d8ef46042d1518166da566" FOREIGN KEY ("collection_id") REFERENCES "rag"."collections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."chunks" ADD CONSTRAINT "FK_d841de45a719fe1f35213d79207" FOREIGN KEY ("document_id") REFERENCES "rag"."documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION "rag"."cosine_distance"(a real[], b real[]) RETURNS double precision
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT 1 - sum(x::float8 * y) / nullif(sqrt(sum(x::float8 * x)) * sqrt(sum(y::float8 * y)), 0)
            FROM unnest(a, b) AS t(x, y) $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "rag"."cosine_distance"(real[], real[])`);
    await queryRunner.query(
      `ALTER TABLE "rag"."chunks" DROP CONSTRAINT "FK_d841de45a719fe1f35213d79207"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rag"."documents" DROP CONSTRAINT "FK_71754d8ef46042d1518166da566"`,
    );
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_chunks_document"`);
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_chunks_key"`);
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_chunks_tsv"`);
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_chunks_metadata"`);
    await queryRunner.query(`DROP TABLE "rag"."chunks"`);
    await queryRunner.query(`DROP INDEX "rag"."ix_rag_documents_collection"`);
    await queryRunner.query(`DROP TABLE "rag"."documents"`);
    await queryRunner.query(`DROP INDEX "rag"."uq_rag_collections_name"`);
    await queryRunner.query(`DROP TABLE "rag"."collections"`);
  }
}
