import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError } from '../../platform/http/domain-error.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import type { FieldError } from '../../platform/http/problem.js';

/** `{chapter: 'ch-03'}` from `?context.chapter=ch-03`: messages whose context holds every pair. */
export type ContextFilter = Record<string, string>;

const PARAM = /^context(?:\.([^.[\]]*)|\[([^\]]*)\])$/;
export const CONTEXT_KEY = /^[A-Za-z0-9_-]{1,64}$/;
export const CONTEXT_VALUE_MAX = 200;
export const CONTEXT_KEYS_MAX = 5;

const FILTER = Symbol('parley:context-filter');
type WithFilter = Request & { [FILTER]?: ContextFilter };

/** Splits `context.<key>` (or `context[<key>]`) parameters from the rest of a query, validated. */
export function splitContextFilter(query: Record<string, unknown>): {
  filter: ContextFilter;
  rest: Record<string, unknown>;
} {
  const filter: ContextFilter = {};
  const rest: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(query)) {
    // Anything spelled like a context filter is one, valid or not: a clear must never
    // ignore a mistyped filter and empty the whole history.
    if (name !== 'context' && !name.startsWith('context.') && !name.startsWith('context[')) {
      rest[name] = value;
      continue;
    }
    const m = PARAM.exec(name);
    const key = m ? (m[1] ?? m[2])! : '';
    if (!CONTEXT_KEY.test(key)) {
      errors.push({
        field: name,
        message: 'use context.<key>=<value>, key of [A-Za-z0-9_-]{1,64}',
      });
    } else if (typeof value !== 'string') {
      errors.push({ field: name, message: 'must be given once' });
    } else if (value.length > CONTEXT_VALUE_MAX) {
      errors.push({ field: name, message: `must be at most ${CONTEXT_VALUE_MAX} characters` });
    } else if (key in filter) {
      errors.push({ field: name, message: 'must be given once' });
    } else {
      filter[key] = value;
    }
  }
  if (Object.keys(filter).length > CONTEXT_KEYS_MAX) {
    errors.push({ field: 'context', message: `at most ${CONTEXT_KEYS_MAX} context keys` });
  }
  if (errors.length) {
    throw new DomainError(ErrorCode.ValidationFailed, errors[0]!.message, { errors });
  }
  return { filter, rest };
}

/**
 * Takes the context parameters out of the query before the validation pipe
 * sees it (it rejects unknown fields), for @ContextFilterParam() to read.
 */
@Injectable()
export class ContextFilterInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<WithFilter>();
    const { filter, rest } = splitContextFilter(req.query as Record<string, unknown>);
    req[FILTER] = filter;
    // Express 5 parses `query` on every read: an own property replaces it for this request.
    Object.defineProperty(req, 'query', { value: rest, configurable: true, writable: true });
    return next.handle();
  }
}

export const ContextFilterParam = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ContextFilter =>
    ctx.switchToHttp().getRequest<WithFilter>()[FILTER] ?? {},
);

/** The OpenAPI description of the context parameters. */
export const CONTEXT_QUERY = {
  name: 'context',
  required: false,
  style: 'deepObject' as const,
  explode: true,
  description:
    'Only messages whose context holds these string values, e.g. `?context.chapter=ch-03` ' +
    '(`context[chapter]=ch-03` is the same). Keys match [A-Za-z0-9_-]{1,64}, each at most once, ' +
    `up to ${CONTEXT_KEYS_MAX}; values at most ${CONTEXT_VALUE_MAX} characters; pairs combine with AND.`,
  schema: {
    type: 'object' as const,
    additionalProperties: { type: 'string' as const, maxLength: CONTEXT_VALUE_MAX },
  },
};
