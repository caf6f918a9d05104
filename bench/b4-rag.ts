import pg from 'pg';
import { ChunkSearchRepository } from '../src/modules/rag/search/chunk-search.repository.js';
import { ingestRows } from './b4-rag-ingest.js';
import type { Row } from './conversations.js';
import { compare, median } from './harness.js';
import { CorpusText, embedder, exactKth, K, queries, progress, recallAt } from './rag-corpus.js';
import {
  loadCorpus,
  ragApp,
  throughput,
  type LoadedCorpus,
  type RagApp,
  PEER_TABLE,
  EF_SEARCH,
} from './rag-setup.js';
import { withScratchDatabase } from './scratch.js';

const CONCURRENCY = 4;

const fmt = (n: number, unit: string) => `${n.toFixed(n < 10 ? 2 : 0)} ${unit}`;

/** A QPS comparison that passes only when ours also reaches recall@10 >= 0.95. */
function qpsRow(
  versus: string,
  qps: { ours: number; peer: number },
  min: number,
  recall: number,
): Row {
  const ratio = qps.ours / qps.peer;
  return {
    id: 'B4',
    workload: `vector search QPS, ${versus}`,
    ours: fmt(qps.ours, 'q/s'),
    peer: fmt(qps.peer, 'q/s'),
    ratio,
    target: `>= ${min} at recall >= 0.95`,
    pass: ratio >= min && recall >= 0.95,
  };
}

/**
 * B4 and B4-hybrid, on PostgreSQL with pgvector. The corpus (RAG_SIZES: 20k
 * chunks of 384-dim vectors by default) is generated deterministically and
 * embedded once with the built-in local embedder; the vector-store
 * comparisons take those precomputed vectors, the ingest comparison has both
 * sides embed with the same local embedder.
 */
export async function b4(rounds: number): Promise<Row[]> {
  return withScratchDatabase(async (url) => {
    const app = await ragApp(url);
    const db = new pg.Pool({ connectionString: url, max: 2 });
    // The floor and the peer search with the same ef_search as ours, through pools of their own.
    const options = `-c hnsw.ef_search=${EF_SEARCH}`;
    const raw = new pg.Pool({ connectionString: url, max: CONCURRENCY, options });
    const peerPool = new pg.Pool({ connectionString: url, max: CONCURRENCY + 1, options });
    let corpus: LoadedCorpus | undefined;
    try {
      progress('B4: loading the corpus');
      corpus = await loadCorpus(app, db, peerPool);
      progress('B4: ingest');
      const ingest = await ingestRows(app, db, corpus, rounds);
      progress('B4: search');
      const rows = [...(await searchRows(app, raw, corpus, rounds)), ingest];
      progress('B4: closing');
      return rows;
    } finally {
      await app.close();
      // The store holds a client of its pool from initialize(); its end() releases it.
      await Promise.all([db.end(), raw.end(), corpus ? corpus.peer!.end() : peerPool.end()]);
    }
  });
}

async function searchRows(
  app: RagApp,
  raw: pg.Pool,
  corpus: LoadedCorpus,
  rounds: number,
): Promise<Row[]> {
  const search = app.get(ChunkSearchRepository);
  const qs = queries(new CorpusText()).map((q) => ({ ...q, vector: embedder.vector(q.text) }));
  const ours = (
    q: (typeof qs)[number],
    filter?: Record<string, unknown>,
    mode: 'vector' | 'hybrid' = 'vector',
  ) =>
    search.search({
      collectionIds: [corpus.collectionId],
      dimensions: embedder.dimensions,
      model: embedder.model,
      vector: q.vector,
      query: q.text,
      k: K,
      filter,
      mode,
      vectorMode: 'pgvector',
    });
  const n = embedder.dimensions;
  const rawSql = async (q: (typeof qs)[number]) =>
    (
      await raw.query(
        `SELECT id, embedding::vector(${n}) <=> $2::vector(${n}) AS distance FROM rag.chunks
          WHERE collection_id = $1 AND cardinality(embedding) = ${n}
          ORDER BY embedding::vector(${n}) <=> $2::vector(${n}) LIMIT ${K}`,
        [corpus.collectionId, `[${q.vector.join(',')}]`],
      )
    ).rows as { distance: number }[];
  const peer = (q: (typeof qs)[number], filter?: Record<string, string>) =>
    corpus.peer!.similaritySearchVectorWithScore(q.vector, K, filter);

  // Recall against exact kNN, over the whole corpus and within each query's 1% shard.
  const recall = { ours: [] as number[], raw: [] as number[], peer: [] as number[] };
  const filtered = { ours: [] as number[], peer: [] as number[] };
  for (const q of qs) {
    const kth = exactKth(q.vector, corpus.vectors);
    const inShard = corpus.vectors.filter((_, i) => corpus.shards[i] === q.shard);
    const kthShard = exactKth(q.vector, inShard);
    recall.ours.push(
      recallAt(
        (await ours(q)).map((h) => 1 - h.score),
        kth,
      ),
    );
    recall.raw.push(
      recallAt(
        (await rawSql(q)).map((r) => Number(r.distance)),
        kth,
      ),
    );
    recall.peer.push(
      recallAt(
        (await peer(q)).map(([, d]) => d),
        kth,
      ),
    );
    filtered.ours.push(
      recallAt(
        (await ours(q, { shard: q.shard })).map((h) => 1 - h.score),
        kthShard,
      ),
    );
    filtered.peer.push(
      recallAt(
        (await peer(q, { shard: q.shard })).map(([, d]) => d),
        kthShard,
      ),
    );
  }
  progress('B4: recall measured, QPS next');
  // Whether the peer's statement reaches its HNSW index at all (it orders by the column, the index is on a cast).
  const plan = (
    await corpus.peer!.pool.query(
      `EXPLAIN SELECT *, embedding <=> $1 AS "_distance" FROM ${PEER_TABLE} ORDER BY "_distance" LIMIT $2`,
      [`[${qs[0]!.vector.join(',')}]`, K],
    )
  ).rows
    .map((r: Record<string, string>) => r['QUERY PLAN'])
    .join(' ');
  const peerPlan = /Index Scan/.test(plan) ? 'HNSW index scan' : 'no index scan';
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const r = { ours: mean(recall.ours), raw: mean(recall.raw), peer: mean(recall.peer) };

  const vsRaw = await compare(
    rounds,
    () => throughput(qs, CONCURRENCY, (q) => ours(q)),
    () => throughput(qs, CONCURRENCY, rawSql),
  );
  const vsPeer = await compare(
    rounds,
    () => throughput(qs, CONCURRENCY, (q) => ours(q)),
    () => throughput(qs, CONCURRENCY, (q) => peer(q)),
  );
  progress('B4: hybrid');
  // Hybrid and vector-only p50, query by query, the order alternating.
  const times = { vector: [] as number[], hybrid: [] as number[] };
  const timed = async (mode: 'vector' | 'hybrid', q: (typeof qs)[number]) => {
    const start = process.hrtime.bigint();
    await ours(q, undefined, mode);
    times[mode].push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let round = 0; round < rounds; round++) {
    for (const [i, q] of qs.entries()) {
      const order: ('vector' | 'hybrid')[] =
        (i + round) % 2 ? ['vector', 'hybrid'] : ['hybrid', 'vector'];
      for (const mode of order) await timed(mode, q);
    }
  }
  const p50 = { vector: median(times.vector), hybrid: median(times.hybrid) };

  const size = `${corpus.vectors.length} chunks x ${embedder.dimensions} dims, HNSW m=16 ef_construction=64, ef_search=${EF_SEARCH}, k=${K}, ${qs.length} queries, ${CONCURRENCY} concurrent`;
  const f = { ours: mean(filtered.ours), peer: mean(filtered.peer) };
  return [
    qpsRow(
      `ours / raw SQL on the same index (${size}; recall@10 ours ${r.ours.toFixed(3)}, raw ${r.raw.toFixed(3)})`,
      vsRaw,
      0.85,
      r.ours,
    ),
    qpsRow(
      `ours / LangChain PGVectorStore (dimensions set, HNSW built; ${size}; recall@10 ours ${r.ours.toFixed(3)}, peer ${r.peer.toFixed(3)}; peer plan: ${peerPlan})`,
      vsPeer,
      1.3,
      r.ours,
    ),
    {
      id: 'B4',
      workload: `recall@10 with a metadata filter matching 1% of chunks, ours / PGVectorStore (same corpus and ef_search)`,
      ours: f.ours.toFixed(3),
      peer: f.peer.toFixed(3),
      ratio: f.peer > 0 ? f.ours / f.peer : Infinity,
      target: 'ours >= 0.95',
      pass: f.ours >= 0.95,
    },
    {
      id: 'B4-hybrid',
      workload: `search p50, hybrid (RRF of HNSW and full text) / vector only, ours (${size.split(', 4')[0]})`,
      ours: fmt(p50.hybrid, 'ms'),
      peer: fmt(p50.vector, 'ms'),
      ratio: p50.hybrid / p50.vector,
      target: '<= 1.5',
      pass: p50.hybrid / p50.vector <= 1.5,
    },
  ];
}
