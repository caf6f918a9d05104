import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { PgErrorCode, pgErrorCode } from '../database/pg-errors.js';
import { DomainError } from './domain-error.js';
import { ERROR_STATUS, ErrorCode } from './error-codes.js';
import { problemType, writeProblem, type Problem } from './problem.js';

const STATUS_TITLES: Record<number, string> = Object.fromEntries(
  Object.entries(HttpStatus)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v, k.charAt(0) + k.slice(1).toLowerCase().replace(/_/g, ' ')]),
);

/** PostgreSQL error codes and network failures that mean "the database is not there right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
/**
 * Values PostgreSQL refused as malformed: bad text representation, dates,
 * ranges, lengths, bytes it cannot store (22021, and 22P05 for a NUL in JSON),
 * program limits. Validation should catch them first; this is the backstop.
 */
const MALFORMED_VALUE_SQLSTATES = new Set([
  '22P02',
  '22P05',
  '22007',
  '22008',
  '22003',
  '22001',
  '22021',
  '54000',
]);
const UNAVAILABLE_NET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** The one place where every error becomes application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const { problem, headers } = toProblem(exception);
    problem.instance = req.originalUrl?.split('?')[0];
    const requestId = (req as Request & { id?: string }).id;
    if (requestId) problem.request_id = String(requestId);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, request_id: requestId }, problem.detail);
    }
    writeProblem(res, problem, headers);
  }
}

export function toProblem(exception: unknown): {
  problem: Problem;
  headers: Record<string, string>;
} {
  if (exception instanceof DomainError) {
    const { status, title } = ERROR_STATUS[exception.code];
    return {
      problem: {
        type: problemType(exception.code),
        title,
        status,
        detail: exception.message,
        code: exception.code,
        ...exception.extensions,
      },
      headers: exception.headers,
    };
  }
  const bodyParser = bodyParserProblem(exception);
  if (bodyParser) return { problem: bodyParser, headers: {} };
  if (exception instanceof HttpException) return { problem: httpProblem(exception), headers: {} };
  if (isDatabaseUnavailable(exception)) {
    return {
      problem: fromCode(
        ErrorCode.ServiceUnavailable,
        'The database is unavailable; retry shortly.',
      ),
      headers: { 'Retry-After': '1' },
    };
  }
  if (exception instanceof QueryFailedError) {
    const code = pgErrorCode(exception);
    if (code === PgErrorCode.UniqueViolation)
      return { problem: fromCode(ErrorCode.Conflict, 'The resource already exists.'), headers: {} };
    if (code && MALFORMED_VALUE_SQLSTATES.has(code)) {
      return {
        problem: fromCode(ErrorCode.ValidationFailed, 'A value is out of range or malformed.'),
        headers: {},
      };
    }
    if (code === PgErrorCode.NotNullViolation) {
      return {
        problem: fromCode(ErrorCode.ValidationFailed, 'A required value is missing.'),
        headers: {},
      };
    }
    if (
      code === PgErrorCode.QueryCanceled ||
      code === PgErrorCode.SerializationFailure ||
      code === PgErrorCode.DeadlockDetected
    ) {
      return {
        problem: fromCode(
          ErrorCode.ServiceUnavailable,
          'The request could not complete in time; retry.',
        ),
        headers: { 'Retry-After': '1' },
      };
    }
  }
  return { problem: fromCode(ErrorCode.Internal, 'An unexpected error occurred.'), headers: {} };
}

function fromCode(code: ErrorCode, detail: string): Problem {
  const { status, title } = ERROR_STATUS[code];
  return { type: problemType(code), title, status, detail, code };
}

function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message =
    typeof body === 'string'
      ? body
      : Array.isArray((body as { message?: unknown }).message)
        ? (body as { message: string[] }).message.join('; ')
        : String((body as { message?: unknown }).message ?? exception.message);
  if (status === 404 && /^Cannot [A-Z]+ /.test(message)) {
    return fromCode(
      ErrorCode.RouteNotFound,
      `${message.replace(/^Cannot /, '')} is not a route of this API.`,
    );
  }
  const known = Object.values(ErrorCode).find(
    (c) => ERROR_STATUS[c].status === status && c !== ErrorCode.RouteNotFound,
  );
  return {
    type: known ? problemType(known) : 'about:blank',
    title: STATUS_TITLES[status] ?? 'Error',
    status,
    detail: message,
    ...(known ? { code: known } : {}),
  };
}

/** Errors raised by body-parser before a route runs. */
export function bodyParserProblem(exception: unknown): Problem | undefined {
  const type = (exception as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return fromCode(ErrorCode.MalformedJson, 'The request body is not valid JSON.');
    case 'entity.too.large': {
      const limit = (exception as { limit?: number }).limit;
      return fromCode(
        ErrorCode.PayloadTooLarge,
        `The request body exceeds the limit${limit ? ` of ${limit} bytes` : ''}.`,
      );
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return fromCode(
        ErrorCode.UnsupportedMediaType,
        'The request body encoding or charset is not supported.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'parameters.too.many':
      return fromCode(ErrorCode.ValidationFailed, 'The request body could not be read.');
    default:
      return undefined;
  }
}

export function isDatabaseUnavailable(exception: unknown): boolean {
  const err = exception as {
    code?: string;
    driverError?: { code?: string; message?: string };
    message?: string;
  } | null;
  if (!err) return false;
  const code = err.driverError?.code ?? err.code;
  if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NET.has(code))) return true;
  const message = err.driverError?.message ?? err.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
    message,
  );
}
