import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGVectorStore } from '@langchain/community/vectorstores/pgvector';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import pg from 'pg';
import { createApp } from '../src/bootstrap.js';
import { ConsentService } from '../src/modules/consent/consent.service.js';
import { CollectionsService } from '../src/modules/rag/collections.service.js';
import { Audience } from '../src/modules/rag/entities/rag-collection.entity.js';
import { VectorIndexes } from '../src/modules/rag/search/vector-indexes.js';
import { Role } from '../src/modules/users/entities/user.entity.js';
import type { AuthContext } from '../src/modules/auth/auth-context.js';
import { loadConfig } from '../src/platform/config/config.js';
import { uuidv7 } from '../src/platform/database/uuid.js';
import { corpusChunks, CorpusText, type CorpusChunk, embedder, RAG_SIZES } from './rag-corpus.js';
import { benchPrefix, LOCAL_REDIS } from './scratch.js';

/**
 * The index both sides build, and the candidate list every side searches with:
 * on this corpus (hashed n-gram vectors, harder for HNSW than a trained model's)
 * recall@10 reaches 0.95 near ef_search 600.
 */
export const HNSW = { m: 16, efConstruction: 64 };
export const EF_SEARCH = Number(process.env.BENCH_RAG_EF_SEARCH ?? 640);
export const COLLECTION = 'bench_kb';
export const PEER_TABLE = 'lc_chunks';

/** The local embedder behind LangChain's interface, so both sides pay the same embedding cost. */
export class LocalLangChainEmbeddings extends Embeddings {
  /** How many times documents were embedded: a cache hit must not add to it. */
  calls = 0;
  constructor() {
    super({});
  }
  embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    return embedder.embed(texts);
  }
  embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(embedder.vector(text));
  }
}

/** Parley in this process on the bench database, with Redis for the cache and the queues (workers on). */
export async function ragApp(url: string) {
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL: LOCAL_REDIS,
    REDIS_KEY_PREFIX: benchPrefix('rag'),
    RUN_PROCESSORS: 'true',
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    RAG_HNSW_M: String(HNSW.m),
    RAG_HNSW_EF_CONSTRUCTION: String(HNSW.efConstruction),
    RAG_HNSW_EF_SEARCH: String(EF_SEARCH),
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-')),
  });
  const app = await createApp(config, { silent: true });
  await app.init();
  return app;
}

export type RagApp = Awaited<ReturnType<typeof ragApp>>;

/** An admin who accepted the terms: reaches every collection, passes the consent gate. */
export async function benchAdmin(app: RagApp, db: pg.Pool): Promise<AuthContext> {
  const userId = uuidv7();
  await db.query(`INSERT INTO app.users (id, account_type, roles) VALUES ($1, 'guest', $2)`, [
    userId,
    [Role.Admin],
  ]);
  await app.get(ConsentService).acceptTerms(userId, null);
  return {
    userId,
    sessionId: uuidv7(),
    scope: 'full' as AuthContext['scope'],
    roles: [Role.Admin],
    accountType: 'guest' as AuthContext['accountType'],
    jti: uuidv7(),
    exp: Math.floor(Date.now() / 1000) + 3600,
  };
}

export interface LoadedCorpus {
  collectionId: string;
  /** Every stored vector, ours and the peer's alike (the same rows on both sides). */
  vectors: Float32Array[];
  shards: string[];
  /** Loaded only when a pool for it is given. */
  peer?: PGVectorStore;
}

/**
 * The corpus on both sides: bulk-loaded into a Parley collection (through
 * the collection service, its HNSW index rebuilt after the load) and, with
 * the same ids, texts and vectors, into a LangChain PGVectorStore table with
 * dimensions set and its HNSW index built with the same m and ef_construction.
 */
export async function loadCorpus(
  app: RagApp,
  db: pg.Pool,
  peerPool?: pg.Pool,
): Promise<LoadedCorpus> {
  const chunks = corpusChunks(new CorpusText());
  const vectors = await embedder.embed(chunks.map((c) => c.content));
  const ids = chunks.map(() => randomUUID());
  const collection = await app
    .get(CollectionsService)
    .create({ name: COLLECTION, audience: Audience.All });
  const indexes = app.get(VectorIndexes);
  await indexes.drop(collection.id);
  const documents = Math.ceil(chunks.length / RAG_SIZES.chunksPerDocument);
  const docIds = Array.from({ length: documents }, () => uuidv7());
  await db.query(
    `INSERT INTO rag.documents (id, collection_id, title, source_kind, metadata, content,
       content_sha256, indexed_sha256, status, chunks_done, chunks_total, indexed_at)
     SELECT d.id, $2, 'document ' || d.n, 'text', jsonb_build_object('shard', d.shard), '', $3, $3,
            'ready', $4, $4, now()
       FROM unnest($1::uuid[], $5::text[]) WITH ORDINALITY AS d(id, shard, n)`,
    [
      docIds,
      collection.id,
      '0'.repeat(64),
      RAG_SIZES.chunksPerDocument,
      docIds.map((_, i) => chunks[i * RAG_SIZES.chunksPerDocument]!.shard),
    ],
  );
  for (let i = 0; i < chunks.length; i += 1000) {
    const slice = chunks.slice(i, i + 1000);
    await db.query(
      `INSERT INTO rag.chunks (id, document_id, collection_id, ordinal, content, token_count,
         metadata, chunk_key, embedding, tsv)
       SELECT c.id, ($2::uuid[])[c.document + 1], $1, c.ordinal, c.content, 0,
              jsonb_build_object('shard', c.shard, 'topic', c.topic, 'ordinal', c.ordinal),
              encode(sha256(convert_to(c.content, 'UTF8')), 'hex'),
              string_to_array(trim(both '[]' from c.embedding), ',')::real[],
              to_tsvector('simple', c.content)
         FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::int[], $9::text[])
              AS c(id, document, ordinal, shard, content, topic, embedding)`,
      [
        collection.id,
        docIds,
        ids.slice(i, i + 1000),
        slice.map((c) => c.document),
        slice.map((c) => c.ordinal),
        slice.map((c) => c.shard),
        slice.map((c) => c.content),
        slice.map((c) => c.topic),
        vectors.slice(i, i + 1000).map((v) => `[${v.join(',')}]`),
      ],
    );
  }
  await db.query('ANALYZE rag.chunks');
  await indexes.ensure({ id: collection.id, embeddingDimensions: embedder.dimensions });

  const peer = peerPool ? await loadPeer(peerPool, chunks, vectors, ids) : undefined;
  return {
    collectionId: collection.id,
    vectors: vectors.map((v) => Float32Array.from(v)),
    shards: chunks.map((c) => c.shard),
    peer,
  };
}

/** The same rows in a LangChain PGVectorStore table: dimensions set, HNSW built with our m and ef_construction. */
async function loadPeer(
  peerPool: pg.Pool,
  chunks: CorpusChunk[],
  vectors: number[][],
  ids: string[],
): Promise<PGVectorStore> {
  const peer = await PGVectorStore.initialize(new LocalLangChainEmbeddings(), {
    pool: peerPool,
    tableName: PEER_TABLE,
    dimensions: embedder.dimensions,
    distanceStrategy: 'cosine',
  });
  await peer.addVectors(
    vectors,
    chunks.map(
      (c) =>
        new Document({
          pageContent: c.content,
          metadata: { shard: c.shard, topic: c.topic, ordinal: c.ordinal },
        }),
    ),
    { ids },
  );
  await peer.createHnswIndex({ dimensions: embedder.dimensions, ...HNSW });
  await peerPool.query(`ANALYZE ${PEER_TABLE}`);
  return peer;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Runs `work` over `items` with `concurrency` loops; returns items done per second. */
export async function throughput<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return items.length / (Number(process.hrtime.bigint() - start) / 1e9);
}
