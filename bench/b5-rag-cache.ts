import { CacheBackedEmbeddings } from '@langchain/classic/embeddings/cache_backed';
import { RedisByteStore } from '@langchain/community/storage/ioredis';
import { Redis } from 'ioredis';
import pg from 'pg';
import { EmbeddingCache } from '../src/modules/rag/cache/embedding-cache.js';
import { RagCacheWriter } from '../src/modules/rag/cache/rag-cache.writer.js';
import { EMBEDDER, type Embedder } from '../src/modules/rag/embedding/embedder.port.js';
import { SearchService } from '../src/modules/rag/search/search.service.js';
import { CacheService } from '../src/platform/cache/cache.service.js';
import type { AppConfig } from '../src/platform/config/config.js';
import { APP_CONFIG } from '../src/platform/config/config.tokens.js';
import type { Row } from './conversations.js';
import { compare, median } from './harness.js';
import { p50 } from './in-process.js';
import { CorpusText, K, prng, progress, queries } from './rag-corpus.js';
import {
  benchAdmin,
  COLLECTION,
  LocalLangChainEmbeddings,
  loadCorpus,
  ragApp,
} from './rag-setup.js';
import { benchPrefix, LOCAL_REDIS, withScratchDatabase } from './scratch.js';

const BATCH = 64;
const SAMPLES = Number(process.env.BENCH_RAG_CACHE_SAMPLES ?? 100);

const ms = (n: number) => `${n.toFixed(2)} ms`;

/** Polls `ready` until it holds (the queued cache writes have landed), for at most two minutes. */
async function until(what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`B5: ${what} did not happen`);
    // A poll, not a tight loop: the machine is shared.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * B5, on PostgreSQL with pgvector and Redis: Parley in this process with the
 * cache on Redis and the `rag-cache` queue drained by in-process workers, on
 * the same generated corpus as B4 (ours only), local embedder on every side.
 */
export async function b5(rounds: number): Promise<Row[]> {
  return withScratchDatabase(async (url) => {
    const app = await ragApp(url);
    const db = new pg.Pool({ connectionString: url, max: 2 });
    const redis = new Redis(LOCAL_REDIS);
    const config = app.get<AppConfig>(APP_CONFIG);
    const peerNamespace = benchPrefix('lc-embeddings');
    try {
      progress('B5: loading the corpus');
      await loadCorpus(app, db);
      const me = await benchAdmin(app, db);
      progress('B5: semantic cache');
      const semantic = await semanticRow(app, db, me);
      progress('B5: embedding cache');
      const embedding = await embeddingRows(app, redis, peerNamespace, rounds);
      return [semantic, ...embedding];
    } finally {
      await app.close();
      await db.end();
      for (const prefix of [config.redis.keyPrefix, peerNamespace]) {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
      }
      redis.disconnect();
    }
  });
}

/**
 * A semantic hit: the same question asked again in other words' case and
 * punctuation, so its embedding is equal but its text new (an embedding-cache
 * miss, a semantic-cache hit whose chunks are read again). A full search: a
 * question never asked (embedding miss, semantic miss, HNSW search). The two
 * alternate query by query once the first questions' entries are written.
 */
async function semanticRow(
  app: Awaited<ReturnType<typeof ragApp>>,
  db: pg.Pool,
  me: Awaited<ReturnType<typeof benchAdmin>>,
): Promise<Row> {
  const search = app.get(SearchService);
  const text = new CorpusText();
  const asked = queries(text, 501);
  const fresh = queries(text, 502);
  const ask = async (query: string) => {
    const start = process.hrtime.bigint();
    const out = await search.search(me, { query, k: K, collection: COLLECTION });
    return {
      ms: Number(process.hrtime.bigint() - start) / 1e6,
      cache: out.cache,
      n: out.data.length,
    };
  };
  for (const q of asked) await ask(q.text);
  await until('the semantic cache writes', async () => {
    const rows = (await db.query(`SELECT count(*)::int AS n FROM cache.rag_semantic_entries`))
      .rows as { n: number }[];
    return rows[0]!.n >= asked.length;
  });
  const hit: number[] = [];
  const full: number[] = [];
  for (const [i, q] of asked.entries()) {
    const variant = `${q.text.toUpperCase()}?`;
    const pair =
      i % 2
        ? [() => ask(variant), () => ask(fresh[i]!.text)]
        : [() => ask(fresh[i]!.text), () => ask(variant)];
    for (const run of pair) {
      const r = await run();
      if (r.cache === 'semantic-hit') hit.push(r.ms);
      else if (r.cache === 'miss') full.push(r.ms);
      else throw new Error(`B5: unexpected ${r.cache}`);
    }
  }
  if (hit.length < asked.length / 2) throw new Error(`B5: only ${hit.length} semantic hits`);
  const ratio = median(hit) / median(full);
  return {
    id: 'B5',
    workload: `search p50, semantic-cache hit / full search (SearchService in-process, ${hit.length} hits, ${full.length} full searches, k=${K})`,
    ours: ms(median(hit)),
    peer: ms(median(full)),
    ratio,
    target: '<= 0.25',
    pass: ratio <= 0.25,
  };
}

/**
 * A batch of 64 chunk texts, all embedded before. Ours through the shared
 * cache on Redis (a fresh EmbeddingCache each time, so its in-process near
 * cache is empty: what another instance sees), and, as a reference, through
 * the warm near cache; the peer is LangChain's CacheBackedEmbeddings over
 * RedisByteStore (ioredis) on the same Redis. A hit must never embed.
 */
async function embeddingRows(
  app: Awaited<ReturnType<typeof ragApp>>,
  redis: Redis,
  namespace: string,
  rounds: number,
): Promise<Row[]> {
  const rnd = prng(64);
  const text = new CorpusText();
  const texts = Array.from({ length: BATCH }, (_, i) => text.passage(rnd, i % 60, 90));
  const [cache, writer, embedder] = [
    app.get(CacheService),
    app.get(RagCacheWriter),
    app.get<Embedder>(EMBEDDER),
  ];
  const warm = new EmbeddingCache(cache, writer, embedder);
  await warm.embed(texts);
  await until('the embedding cache writes', async () =>
    (await cache.getMany(texts.map((t) => warm.key(t)))).every(Boolean),
  );
  const underlying = new LocalLangChainEmbeddings();
  const peer = CacheBackedEmbeddings.fromBytesStore(
    underlying,
    new RedisByteStore({ client: redis }),
    { namespace },
  );
  await peer.embedDocuments(texts);
  const embeddedBefore = underlying.calls;

  const shared = async () => {
    const { hits } = await new EmbeddingCache(cache, writer, embedder).embed(texts);
    if (hits !== BATCH) throw new Error(`B5: ${hits} of ${BATCH} hits`);
  };
  const near = async () => {
    const { hits } = await warm.embed(texts);
    if (hits !== BATCH) throw new Error(`B5: ${hits} of ${BATCH} hits`);
  };
  const r = await compare(
    rounds,
    () => p50(SAMPLES, shared),
    () => p50(SAMPLES, () => peer.embedDocuments(texts)),
  );
  const nearP50 = await p50(SAMPLES, near);
  if (underlying.calls !== embeddedBefore) throw new Error('B5: the peer embedded on a hit');
  const workload = `embedding-cache hit, batch of ${BATCH} texts, p50, ours / LangChain CacheBackedEmbeddings over RedisByteStore (same Redis)`;
  return [
    {
      id: 'B5',
      workload: `${workload}; ours through Redis (near cache empty)`,
      ours: ms(r.ours),
      peer: ms(r.peer),
      ratio: r.ours / r.peer,
      target: '<= 0.5',
      pass: r.ours / r.peer <= 0.5,
    },
    {
      id: 'B5',
      workload: `${workload}; ours from the in-process near cache`,
      ours: ms(nearP50),
      peer: ms(r.peer),
      ratio: nearP50 / r.peer,
      target: 'reference',
      pass: null,
    },
  ];
}
