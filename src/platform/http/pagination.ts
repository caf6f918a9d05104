import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { isUuid } from '../database/uuid.js';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import { IsOptionalNotNull, ToQueryInteger } from './validators.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=&after=` on every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Page size',
  })
  @IsOptionalNotNull()
  @ToQueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from a previous page's next_cursor" })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(512)
  after?: string;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

type CursorValue = string | number | boolean | null;

/** Cursors are opaque to clients: base64url JSON of the sort key of the last row. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * One value of a cursor, as the list that issues it writes it:
 * - `uuid`: an id;
 * - `timestamp`: an instant as `Date#toISOString` writes it;
 * - `pg-timestamp`: a timestamptz as PostgreSQL writes it as text (microseconds kept);
 * - `count`: a non-negative integer;
 * - `number`: a finite number;
 * - `{ tag }`: exactly this string, naming the list (or the mode) that issued it;
 * - `{ pattern }`: a string of this form.
 */
export type CursorField =
  | 'uuid'
  | 'timestamp'
  | 'pg-timestamp'
  | 'count'
  | 'number'
  | { readonly tag: string }
  | { readonly pattern: RegExp };

type FieldValue<F> = F extends 'count' | 'number' ? number : string;
export type CursorValues<S extends readonly CursorField[]> = {
  -readonly [K in keyof S]: FieldValue<S[K]>;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PG_TIMESTAMPTZ =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?$/;

/** A real calendar date and time of day, with an offset PostgreSQL could have written. */
function isPgTimestamp(value: string): boolean {
  const m = PG_TIMESTAMPTZ.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s, oh, om] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s &&
    oh! <= 15 &&
    om! < 60
  );
}

function fits(field: CursorField, value: unknown): boolean {
  if (typeof field === 'object') {
    if ('tag' in field) return value === field.tag;
    return typeof value === 'string' && field.pattern.test(value);
  }
  switch (field) {
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
    case 'timestamp':
      return (
        typeof value === 'string' &&
        ISO_INSTANT.test(value) &&
        !Number.isNaN(Date.parse(value)) &&
        new Date(value).toISOString() === value
      );
    case 'pg-timestamp':
      return typeof value === 'string' && isPgTimestamp(value);
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

/**
 * The one way a cursor is read: it must be exactly what `encodeCursor` wrote
 * for a key of this list's shape (same length, every value of its kind, the
 * same bytes once re-encoded), or it is refused with 400 invalid-cursor
 * before any value reaches SQL.
 */
export function decodeCursor<const S extends readonly CursorField[]>(
  cursor: string,
  shape: S,
): CursorValues<S> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(values) ||
    values.length !== shape.length ||
    !shape.every((field, i) => fits(field, values[i])) ||
    encodeCursor(values as CursorValue[]) !== cursor
  ) {
    throw invalidCursor();
  }
  return values as CursorValues<S>;
}

function invalidCursor(): DomainError {
  return new DomainError(ErrorCode.InvalidCursor, 'The cursor is not one this API issued.');
}

export function pageLimit(query: { limit?: number }): number {
  return Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: the extra row only
 * tells whether another page exists; the cursor is the key of the last row kept.
 */
export function toPage<Row, Out>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorValue[],
  map: (row: Row) => Out,
): Page<Out> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    data: kept.map(map),
    next_cursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
