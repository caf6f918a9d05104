import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';

/** 400 validation-failed naming one field, as the DTO validation answers. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, 'Validation failed.', {
    errors: [{ field, message }],
  });
}

/** 413 when `text` is more than `limit` bytes of UTF-8: a limit of the field, not of the body. */
export function assertFieldFits(field: string, text: string, limit: number): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limit) {
    throw new DomainError(
      ErrorCode.PayloadTooLarge,
      `${field} is ${bytes} bytes; at most ${limit} are kept.`,
      { field, limit },
    );
  }
}
