import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error.js';
import { ERROR_STATUS, ErrorCode } from './error-codes.js';
import { bodyParserProblem, toProblem } from './problem.filter.js';
import { problemType, writeProblem, type Problem } from './problem.js';

/**
 * Nest answers unknown paths only under the global prefix; everything else
 * would get Express's HTML 404. This adapter mounts the same not-found
 * handler at the root too, after every route, so `/nope` and `//v1//me` get
 * the 404 problem as well.
 */
export class ProblemExpressAdapter extends ExpressAdapter {
  override setNotFoundHandler(
    handler: Parameters<ExpressAdapter['setNotFoundHandler']>[0],
    prefix?: string,
    excludedRoutes?: Parameters<ExpressAdapter['setNotFoundHandler']>[2],
  ): unknown {
    const result: unknown = super.setNotFoundHandler(handler, prefix, excludedRoutes);
    if (prefix && prefix !== '/') this.use(handler);
    return result;
  }
}

/**
 * Express error middleware for what fails before any route runs: the body
 * parser, and the input rules mounted after it.
 */
export function answerEarlyErrors() {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    const problem = err instanceof DomainError ? toProblem(err).problem : bodyParserProblem(err);
    if (!problem) return next(err);
    problem.instance = req.originalUrl?.split('?')[0];
    writeProblem(res, problem);
  };
}

const CLIENT_ERROR_CODES: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: ErrorCode.HeadersTooLarge,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: ErrorCode.PayloadTooLarge,
  ERR_HTTP_REQUEST_TIMEOUT: ErrorCode.RequestTimeout,
};

const CLIENT_ERROR_DETAILS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.HeadersTooLarge]: 'The request headers exceed the limit of this server.',
  [ErrorCode.PayloadTooLarge]: 'A chunk extension of the request exceeds the limit.',
  [ErrorCode.RequestTimeout]: 'The request did not arrive in time.',
};

/**
 * Requests Node's parser refuses (headers over the limit, malformed HTTP)
 * never reach Express; Node's own answer is a bare status line. This answers
 * them as problem+json too, then closes the connection, as Node would.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const pending = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    const code = CLIENT_ERROR_CODES[err.code ?? ''] ?? ErrorCode.MalformedRequest;
    const { status, title } = ERROR_STATUS[code];
    const problem: Problem = {
      type: problemType(code),
      title,
      status,
      detail: CLIENT_ERROR_DETAILS[code] ?? 'The request is not valid HTTP.',
      code,
    };
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
