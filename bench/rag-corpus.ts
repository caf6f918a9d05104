import { LocalEmbedder } from '../src/modules/rag/embedding/local-embedder.js';

/** Corpus sizes, all overridable so a quick run and a full one use the same code. */
export const RAG_SIZES = {
  chunks: Number(process.env.BENCH_RAG_CHUNKS ?? 20_000),
  chunksPerDocument: 20,
  queries: Number(process.env.BENCH_RAG_QUERIES ?? 200),
  ingestDocuments: Number(process.env.BENCH_RAG_INGEST_DOCS ?? 40),
  topics: 60,
  /** Documents are spread over this many shards: a shard filter matches 1% of chunks. */
  shards: 100,
};
export const K = 10;

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = (
  'ka lo mi ne ru sa ti vo be da fe gu hi jo ku la ma no pe qui ra se to um vi wa xe yo ze ' +
  'tra pli sto gra bre clo dri fla pro spi'
).split(' ');

/**
 * Text with the shape of a real knowledge base: a shared Zipf-distributed
 * vocabulary of everyday words plus, per topic, a few dozen words that mostly
 * appear in that topic's documents, so near neighbours are about the same
 * thing and vectors cluster the way embeddings of real documents do.
 */
export class CorpusText {
  private readonly common: string[];
  private readonly topicWords: string[][];
  private readonly zipf: number[];

  constructor(seed = 42) {
    const rnd = prng(seed);
    const word = (syllables: number) =>
      Array.from(
        { length: syllables },
        () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]!,
      ).join('');
    this.common = Array.from({ length: 3000 }, () => word(2 + Math.floor(rnd() * 2)));
    this.topicWords = Array.from({ length: RAG_SIZES.topics }, () =>
      Array.from({ length: 40 }, () => word(3 + Math.floor(rnd() * 2))),
    );
    let total = 0;
    this.zipf = this.common.map((_, i) => (total += 1 / (i + 1)));
    this.zipf = this.zipf.map((c) => c / total);
  }

  private commonWord(rnd: () => number): string {
    const r = rnd();
    let lo = 0;
    let hi = this.zipf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.zipf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.common[lo]!;
  }

  /** `words` words about `topic` (and a little about a second one), in sentences. */
  passage(rnd: () => number, topic: number, words: number): string {
    const second = (topic + 1 + Math.floor(rnd() * (RAG_SIZES.topics - 1))) % RAG_SIZES.topics;
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const r = rnd();
      const pool = r < 0.3 ? this.topicWords[topic]! : r < 0.38 ? this.topicWords[second]! : null;
      let w = pool ? pool[Math.floor(rnd() * pool.length)]! : this.commonWord(rnd);
      if (i % 12 === 0) w = w[0]!.toUpperCase() + w.slice(1);
      out.push(i % 12 === 11 ? `${w}.` : w);
    }
    return out.join(' ');
  }
}

export interface CorpusChunk {
  document: number;
  ordinal: number;
  topic: number;
  shard: string;
  content: string;
}

/** The bulk-loaded corpus: documents of `chunksPerDocument` chunks, one topic and one shard each. */
export function corpusChunks(text: CorpusText, count = RAG_SIZES.chunks): CorpusChunk[] {
  const rnd = prng(7);
  return Array.from({ length: count }, (_, i) => {
    const document = Math.floor(i / RAG_SIZES.chunksPerDocument);
    const topic = document % RAG_SIZES.topics;
    return {
      document,
      ordinal: i % RAG_SIZES.chunksPerDocument,
      topic,
      shard: shardOf(document),
      content: text.passage(rnd, topic, 70 + Math.floor(rnd() * 50)),
    };
  });
}

export function shardOf(document: number): string {
  // A multiplicative hash so shards do not line up with topics.
  return `s${(Math.imul(document + 1, 2654435761) >>> 0) % RAG_SIZES.shards}`;
}

/** Documents for the ingest measurement: long texts the splitter cuts into chunks. */
export function ingestDocuments(
  text: CorpusText,
): { title: string; shard: string; content: string }[] {
  const rnd = prng(11);
  return Array.from({ length: RAG_SIZES.ingestDocuments }, (_, i) => {
    const document = 1_000_000 + i;
    const paragraphs = Array.from({ length: 12 }, () =>
      text.passage(rnd, i % RAG_SIZES.topics, 150),
    );
    return { title: `ingest ${i}`, shard: shardOf(document), content: paragraphs.join('\n\n') };
  });
}

/** Short questions, each about one topic, with the shard a filtered search restricts it to. */
export function queries(text: CorpusText, seed = 99, count = RAG_SIZES.queries) {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    text: text.passage(rnd, Math.floor(rnd() * RAG_SIZES.topics), 8 + Math.floor(rnd() * 6)),
    shard: `s${i % RAG_SIZES.shards}`,
  }));
}

export const embedder = new LocalEmbedder();

/**
 * The exact k-th smallest cosine distance from `q` among `rows` (vectors are
 * unit length), and how many answers there can be (fewer than k in a small shard).
 */
export function exactKth(
  q: number[],
  rows: Float32Array[],
  k = K,
): { kth: number; expected: number } {
  const best: number[] = [];
  for (const v of rows) {
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * q[i]!;
    const d = 1 - dot;
    if (best.length < k || d < best[best.length - 1]!) {
      best.push(d);
      best.sort((a, b) => a - b);
      if (best.length > k) best.pop();
    }
  }
  return { kth: best.length ? best[best.length - 1]! : Infinity, expected: best.length };
}

/**
 * recall@k judged by distance, so ties and duplicate texts count fairly: an
 * answer is right when it is no farther than the exact k-th neighbour.
 */
export function recallAt(distances: number[], exact: { kth: number; expected: number }): number {
  if (exact.expected === 0) return 1;
  const right = distances.filter((d) => d <= exact.kth + 1e-4).length;
  return Math.min(right, exact.expected) / exact.expected;
}

/** Progress on stderr (BENCH_VERBOSE=1): a long bench on a busy machine shows where it is. */
export function progress(message: string): void {
  if (process.env.BENCH_VERBOSE) console.error(`[${new Date().toISOString()}] ${message}`);
}
