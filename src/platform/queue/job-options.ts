import { assertValidJobId, type EnqueueOptions } from './queue.types.js';

export interface JobDefaults {
  attempts: number;
  backoffMs: number;
}

/** Backoff never waits longer than this, however many attempts a job is given. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

export interface ResolvedJobOptions {
  jobId: string;
  delayMs: number;
  attempts: number;
  backoffMs: number;
}

export function resolveJobOptions(
  options: EnqueueOptions,
  defaults: JobDefaults,
  newId: () => string,
): ResolvedJobOptions {
  const resolved = {
    jobId: options.jobId ?? newId(),
    delayMs: options.delayMs ?? 0,
    attempts: options.attempts ?? defaults.attempts,
    backoffMs: options.backoffMs ?? defaults.backoffMs,
  };
  assertValidJobId(resolved.jobId);
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
    throw new Error(`attempts must be a positive integer (got ${resolved.attempts})`);
  }
  for (const key of ['delayMs', 'backoffMs'] as const) {
    if (
      !Number.isInteger(resolved[key]) ||
      resolved[key] < 0 ||
      resolved[key] > MAX_RETRY_DELAY_MS
    ) {
      throw new Error(
        `${key} must be an integer from 0 to ${MAX_RETRY_DELAY_MS} (got ${resolved[key]})`,
      );
    }
  }
  return resolved;
}

/**
 * Wait before the next run after `failedRuns` failures: base, 2x base, 4x base...
 * the same curve as BullMQ's `exponential` backoff, so both drivers retry alike.
 */
export function retryDelayMs(baseMs: number, failedRuns: number): number {
  if (failedRuns < 1) return 0;
  return Math.min(baseMs * 2 ** (failedRuns - 1), MAX_RETRY_DELAY_MS);
}
