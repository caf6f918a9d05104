import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=&after=` on every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor from a previous page's next_cursor" })
  @IsOptional()
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

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(values) ||
    values.length !== arity ||
    !values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
  ) {
    throw invalidCursor();
  }
  return values as CursorValue[];
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
