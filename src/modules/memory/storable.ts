import { DomainError } from '../../platform/http/domain-error.js';
import { PermanentJobError } from '../../platform/queue/permanent-job-error.js';

/** A surrogate half without its partner. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL can never store this text, or null. Neither `text` nor `jsonb`
 * takes a NUL, and `jsonb` refuses an unpaired surrogate (`text` would silently
 * turn it into U+FFFD): the summary writer stores both, so it needs neither.
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/** The writer's refusal of a summary whose text PostgreSQL cannot store: never retried. */
export class UnstorableSummary extends PermanentJobError {
  override name = 'UnstorableSummary';
}

/**
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the data
 * itself was refused, so the same statement fails again however often it runs.
 */
export function isDataError(err: unknown): boolean {
  const code =
    (err as { driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/**
 * A summary write that cannot succeed on a later try: the writer's own refusal
 * (unstorable text, missing consent), or the database refusing the data. Any
 * other failure (connection, timeout, lock) is worth another try.
 */
export function isPermanentFailure(err: unknown): boolean {
  return err instanceof PermanentJobError || err instanceof DomainError || isDataError(err);
}
