/**
 * Every queue of the service. A job's queue is the part of its name before the
 * first dot, so `maintenance.echo` runs on `maintenance`. Queues separate work
 * that must not wait behind other work (a slow embedding batch must not delay
 * an e-mail), not features; add one only for that reason.
 */
export const QueueName = {
  Maintenance: 'maintenance',
  /** Conversation summaries on their way to long-term memory (the memory lake). */
  MemoryLake: 'memory-lake',
  /** Splitting and embedding knowledge-base documents: slow, and never in the way of the lake. */
  RagIngest: 'rag-ingest',
  /** RAG cache writes (embeddings, semantic entries): off the search path, retried on failure. */
  RagCache: 'rag-cache',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);

/**
 * Job name -> payload. Modules add their jobs here (or by declaration merging
 * from their own folder), and `enqueue` and `@JobHandler` are typed from it.
 * Payloads travel as JSON: plain data, no classes or dates.
 */
export interface JobPayloads {
  'maintenance.echo': { text: string };
  /** Every retention policy (src/modules/lifecycle/retention), hourly. */
  'maintenance.retention': Record<string, never>;
  /** Build a data export archive (POST /v1/me/exports). */
  'maintenance.data-export': { exportId: string };
  'memory-lake.persist-summary': {
    userId: string;
    conversationId: string;
    summary: string;
    /** ISO-8601: the summary's own time; an older one never replaces a newer one. */
    asOf: string;
    /** Epoch ms when the API accepted it: job latency is measured from here. */
    acceptedAt: number;
  };
  /** Embed a memory item's current text (after each write of an item with text). */
  'memory-lake.embed-item': { userId: string; namespace: string; key: string };
  /** Chunk and embed a RAG document's content of this hash (a later content supersedes it). */
  'rag-ingest.document': { documentId: string; sha256: string };
  /** Re-embed a collection into a new embedding profile, then switch to it. */
  'rag-ingest.reembed': { profileId: string };
  /** Query and chunk embeddings for the embedding cache, keyed as `EmbeddingCache` keys them (vectors base64 float32, or arrays). */
  'rag-cache.embeddings': { entries: { key: string; vector: string | number[] }[] };
  /** One semantic-cache entry: the chunk ids a query found in a scope (collections at their generations). */
  'rag-cache.semantic': {
    scopeKey: string;
    collectionIds: string[];
    generations: number[];
    embedding: number[];
    chunkIds: string[];
    scores: number[];
  };
}

/** Only names that start with a known queue can be enqueued. */
export type JobName = Extract<keyof JobPayloads, `${QueueName}.${string}`>;

export interface EnqueueOptions {
  /**
   * A stable id makes the enqueue idempotent: while a job with this id exists in
   * its queue, enqueueing it again does nothing and returns the same id. Letters,
   * digits, `.`, `_`, `-` and `/` only (BullMQ forbids `:` and integer ids).
   */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
}

export interface JobContext {
  id: string;
  name: JobName;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
}

export type JobStatus = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface JobSnapshot {
  id: string;
  name: string;
  queue: QueueName;
  status: JobStatus;
  data: unknown;
  /** Runs started so far, including the current one. */
  attemptsMade: number;
  maxAttempts: number;
  result: unknown;
  /** The error of the latest failed run, kept after a later success. */
  lastError: string | null;
}

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export type QueueDepths = Record<QueueName, QueueDepth>;

/** A job that ran out of attempts (or failed permanently), as operators list them. */
export interface FailedJob {
  id: string;
  name: string;
  queue: QueueName;
  attemptsMade: number;
  maxAttempts: number;
  lastError: string | null;
  /** When it failed for good; null when the store does not know. */
  failedAt: Date | null;
}

export function queueOf(name: string): QueueName {
  const queue = name.slice(0, name.indexOf('.'));
  if (!(QUEUE_NAMES as readonly string[]).includes(queue)) {
    throw new Error(`Job "${name}" does not start with a known queue (${QUEUE_NAMES.join(', ')})`);
  }
  return queue as QueueName;
}

const JOB_ID = /^[A-Za-z0-9._/-]{1,255}$/;

/** The same rule for both drivers, so an id that works embedded also works on Redis. */
export function assertValidJobId(jobId: string): void {
  if (!JOB_ID.test(jobId) || /^\d+$/.test(jobId)) {
    throw new Error(
      `Invalid job id "${jobId.slice(0, 80)}": use 1-255 letters, digits, ".", "_", "-" or "/", not only digits`,
    );
  }
}

export function emptyDepths(): QueueDepths {
  return Object.fromEntries(
    QUEUE_NAMES.map((q) => [q, { waiting: 0, active: 0, delayed: 0, failed: 0 }]),
  ) as QueueDepths;
}
