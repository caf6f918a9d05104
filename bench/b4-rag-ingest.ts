import { Document } from '@langchain/core/documents';
import type pg from 'pg';
import { IngestService } from '../src/modules/rag/ingest/ingest.service.js';
import { splitText } from '../src/modules/rag/ingest/splitter.js';
import type { AppConfig } from '../src/platform/config/config.js';
import { APP_CONFIG } from '../src/platform/config/config.tokens.js';
import { uuidv7 } from '../src/platform/database/uuid.js';
import type { Row } from './conversations.js';
import { CorpusText, embedder, ingestDocuments, RAG_SIZES } from './rag-corpus.js';
import { LocalLangChainEmbeddings, sha256, type LoadedCorpus, type RagApp } from './rag-setup.js';

const fmt = (n: number, unit: string) => `${n.toFixed(n < 10 ? 2 : 0)} ${unit}`;

/**
 * Ingest into the loaded, indexed collection: ours runs the ingest job on
 * each document (split, chunk keys, local embedding through the embedding
 * cache, one transaction of inserts with tsvector); the peer gets the chunks
 * our splitter cut (split outside its timing), embeds them with the same local
 * embedder and calls PGVectorStore.addVectors, one document at a time.
 */
export async function ingestRows(
  app: RagApp,
  db: pg.Pool,
  corpus: LoadedCorpus,
  rounds: number,
): Promise<Row> {
  const config = app.get<AppConfig>(APP_CONFIG);
  const settings = { chunkSize: config.rag.chunkSize, chunkOverlap: config.rag.chunkOverlap };
  const splitStart = process.hrtime.bigint();
  const docs = await Promise.all(
    ingestDocuments(new CorpusText()).map(async (d) => ({
      ...d,
      id: uuidv7(),
      sha: sha256(d.content),
      chunks: (await splitText(d.content, settings)).map((c) => c.content),
    })),
  );
  const splitSeconds = Number(process.hrtime.bigint() - splitStart) / 1e9;
  for (const d of docs) {
    await db.query(
      `INSERT INTO rag.documents (id, collection_id, title, source_kind, metadata, content, content_sha256, status)
       VALUES ($1, $2, $3, 'text', $4, $5, $6, 'queued')`,
      [d.id, corpus.collectionId, d.title, JSON.stringify({ shard: d.shard }), d.content, d.sha],
    );
  }
  const ingest = app.get(IngestService);
  const lc = new LocalLangChainEmbeddings();
  const groups = Array.from({ length: rounds }, (_, r) => docs.filter((_, i) => i % rounds === r));
  const spent = { ours: 0, peer: 0, rows: 0 };
  const time = async (side: 'ours' | 'peer', work: () => Promise<void>) => {
    const start = process.hrtime.bigint();
    await work();
    spent[side] += Number(process.hrtime.bigint() - start) / 1e9;
  };
  for (const [r, group] of groups.entries()) {
    const oursGo = () =>
      time('ours', async () => {
        for (const d of group) {
          const out = await ingest.ingest(d.id, d.sha);
          if (out.outcome !== 'ingested') throw new Error(`ingest: ${out.outcome}`);
        }
      });
    const peerGo = () =>
      time('peer', async () => {
        for (const d of group) {
          const vectors = await lc.embedDocuments(d.chunks);
          await corpus.peer!.addVectors(
            vectors,
            d.chunks.map(
              (c, ordinal) =>
                new Document({ pageContent: c, metadata: { shard: d.shard, ordinal } }),
            ),
          );
        }
      });
    if (r % 2) await peerGo().then(oursGo);
    else await oursGo().then(peerGo);
    spent.rows += group.reduce((s, d) => s + d.chunks.length, 0);
  }
  // What was ingested joins the corpus the recall measurements judge against.
  for (const d of docs) {
    for (const v of await embedder.embed(d.chunks)) corpus.vectors.push(Float32Array.from(v));
    corpus.shards.push(...d.chunks.map(() => d.shard));
  }
  const ours = spent.rows / spent.ours;
  const peer = spent.rows / spent.peer;
  return {
    id: 'B4',
    workload: `ingest rows/s into the indexed ${RAG_SIZES.chunks}-chunk collection, ours (ingest job) / PGVectorStore.addVectors (+ same local embedder), ${docs.length} documents, ${spent.rows} chunks; of our time, splitting with token counts alone takes ${((100 * splitSeconds) / spent.ours).toFixed(0)}%`,
    ours: fmt(ours, 'rows/s'),
    peer: fmt(peer, 'rows/s'),
    ratio: ours / peer,
    target: '>= 1.5',
    pass: ours / peer >= 1.5,
  };
}
