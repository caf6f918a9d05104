import { ErrorCode } from './error-codes.js';
import type { FieldError } from './problem.js';

/**
 * A failure the service means to report: a code from `ErrorCode`, a detail for
 * humans, and optional problem extensions. The problem filter turns it into
 * problem+json; services never pick HTTP statuses themselves.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail: string,
    readonly extensions: Record<string, unknown> & { errors?: FieldError[] } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }
}
