/**
 * What an erase removed outside the per-table row counts, store by store: the
 * receipt's totals. Every field counts things that existed and are gone now.
 */
export interface StoreCounts {
  /** Agent checkpoint rows (`langgraph.*`). */
  checkpoints: number;
  /** Namespaced memory items (`memory.items`), summaries included. */
  memory_items: number;
  /** Embedding vectors tied to the data (none yet outside memory and RAG). */
  vectors: number;
  /** Cache entries (profile, session states, owner checks) dropped on every instance. */
  cache_entries: number;
  /** Redis keys (stream chunks, queued jobs) deleted. */
  redis_keys: number;
  /** Queued jobs that carried the data, removed from their queue. */
  queued_jobs: number;
  /** Blob objects whose last reference went, deleted from the blob store. */
  blobs: number;
}

export type PartialCounts = Partial<StoreCounts>;

export const STORE_NAMES: readonly (keyof StoreCounts)[] = [
  'checkpoints',
  'memory_items',
  'vectors',
  'cache_entries',
  'redis_keys',
  'queued_jobs',
  'blobs',
];

export function emptyCounts(): StoreCounts {
  return Object.fromEntries(STORE_NAMES.map((s) => [s, 0])) as unknown as StoreCounts;
}

/** Adds `more` into `into` (both kinds of tally: per store, or rows per table). */
export function addCounts<T extends object>(into: T, more: Partial<T> | undefined): T {
  const target = into as Record<string, number>;
  for (const [key, n] of Object.entries(more ?? {})) {
    if (typeof n === 'number') target[key] = (target[key] ?? 0) + n;
  }
  return into;
}

/**
 * Work an erase leaves for after its transaction committed: the stores outside
 * the database (Redis, the blob store, queues). It reports what it removed and,
 * asked again later, what of it is still there (the verification pass).
 */
export interface OutsideStep {
  /** What the step removes, for the logs when it fails. */
  readonly what: string;
  run(): Promise<PartialCounts>;
  /** What is still there, per store or table (0 or absent everywhere when clean). */
  verify(): Promise<Record<string, number>>;
}

/** One part of an erase inside the transaction: rows per table, store counts, later steps. */
export interface EraseOutcome {
  removed: Record<string, number>;
  counts: PartialCounts;
  outside: OutsideStep[];
  /** Agent threads whose checkpoints went. */
  threadIds: string[];
  /** Rows kept with the user's id replaced by the erasure's pseudonym, per table. */
  pseudonymised: Record<string, number>;
}

export function emptyOutcome(): EraseOutcome {
  return { removed: {}, counts: {}, outside: [], threadIds: [], pseudonymised: {} };
}

export function mergeOutcome(into: EraseOutcome, more: Partial<EraseOutcome>): EraseOutcome {
  addCounts(into.removed, more.removed);
  addCounts(into.counts, more.counts);
  into.outside.push(...(more.outside ?? []));
  into.threadIds.push(...(more.threadIds ?? []));
  addCounts(into.pseudonymised, more.pseudonymised);
  return into;
}

/** Runs the outside steps one after the other and adds up what they removed. */
export async function runOutside(steps: OutsideStep[]): Promise<PartialCounts> {
  const counts: PartialCounts = {};
  for (const step of steps) addCounts(counts, await step.run());
  return counts;
}
