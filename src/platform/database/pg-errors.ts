/**
 * Reading PostgreSQL errors, in one place. TypeORM wraps the driver's error in
 * a QueryFailedError (`driverError`); the driver's own error carries the
 * SQLSTATE in `code` and the violated constraint in `constraint`.
 */

/** The SQLSTATEs Parley acts on (PostgreSQL documentation, appendix A). */
export const PgErrorCode = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  NotNullViolation: '23502',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
  QueryCanceled: '57014',
} as const;

/**
 * Five characters of a known class (two digits, or F0, HV, P0, XX), so that a
 * socket's errno (`EPIPE`) on the same `code` property is not taken for one.
 */
const SQLSTATE = /^(?:[0-9][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/;

interface DriverErrorFields {
  code?: unknown;
  constraint?: unknown;
}

function driverError(err: unknown): DriverErrorFields | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const wrapped = (err as { driverError?: unknown }).driverError;
  return typeof wrapped === 'object' && wrapped !== null
    ? (wrapped as DriverErrorFields)
    : (err as DriverErrorFields);
}

/** The SQLSTATE of a database error (wrapped by TypeORM or not); undefined for anything else. */
export function pgErrorCode(err: unknown): string | undefined {
  const code = driverError(err)?.code;
  return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
}

/** The name of the constraint a database error reports, if any. */
export function pgConstraint(err: unknown): string | undefined {
  if (!pgErrorCode(err)) return undefined;
  const constraint = driverError(err)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

function violates(err: unknown, code: string, constraint?: string): boolean {
  return (
    pgErrorCode(err) === code && (constraint === undefined || pgConstraint(err) === constraint)
  );
}

/** A unique constraint refused the row; of the named constraint only, when one is given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  return violates(err, PgErrorCode.UniqueViolation, constraint);
}

/** A foreign key refused the row (the referenced row is gone); of the named key only, when given. */
export function isForeignKeyViolation(err: unknown, constraint?: string): boolean {
  return violates(err, PgErrorCode.ForeignKeyViolation, constraint);
}
