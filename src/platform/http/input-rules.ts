import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error.js';
import { ErrorCode } from './error-codes.js';
import type { FieldError } from './problem.js';

/**
 * How deep a request body may nest, the body itself being the first level.
 * Far beyond any real payload; low enough that nothing recursive behind it
 * (class-transformer, the JSON columns) can run out of stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Keys that only ever mean an attempt on an object's prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many field errors are listed; the walk stops there. */
const MAX_ERRORS = 20;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `String.prototype.isWellFormed` (ES2024) where the runtime has it. */
const isWellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);

/** What is wrong with one string, whether a value or a key; undefined when nothing. */
export function stringFault(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain a NUL character';
  if (!isWellFormed(s)) return 'must be well-formed Unicode (a lone UTF-16 surrogate was sent)';
  return undefined;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string;
}

function pathOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key);
  return keys.reverse().join('.');
}

function tooDeep(): DomainError {
  return new DomainError(
    ErrorCode.NestingTooDeep,
    `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`,
  );
}

/**
 * The one set of rules every parsed input obeys, whatever the route: bounded
 * nesting, no NUL and no lone surrogate in any string (PostgreSQL stores
 * neither), no prototype keys. Iterative, so that a hostile depth cannot
 * exhaust the stack of the check itself. Field names are dotted paths, array
 * indices included, as in validation problems.
 */
export function checkInput(root: unknown): DomainError | undefined {
  const errors: FieldError[] = [];
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: '' }];
  const fault = (frame: Frame, message: string) => {
    const field = pathOf(frame);
    errors.push({ field, message: `${field} ${message}` });
  };
  while (stack.length && errors.length < MAX_ERRORS) {
    const frame = stack.pop()!;
    if (frame.parent && !Array.isArray(frame.parent.value)) {
      if (FORBIDDEN_KEYS.has(frame.key)) {
        fault(frame, 'is not an allowed field');
        continue;
      }
      const message = stringFault(frame.key);
      if (message) {
        fault(frame, `(a field name) ${message}`);
        continue;
      }
    }
    const { value } = frame;
    if (typeof value === 'string') {
      const message = stringFault(value);
      if (message) fault(frame, message);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (frame.depth > MAX_JSON_DEPTH) return tooDeep();
    const keys = Object.keys(value);
    // Pushed in reverse, so that fields are visited (and reported) in document order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({
        value: (value as Record<string, unknown>)[key],
        depth: frame.depth + 1,
        parent: frame,
        key,
      });
    }
  }
  if (!errors.length) return undefined;
  return new DomainError(
    ErrorCode.ValidationFailed,
    errors.length === 1 ? errors[0]!.message : `${errors.length} fields are invalid`,
    { errors },
  );
}

/**
 * Express middleware, mounted right after the body parser: the parsed body
 * and the query string are checked before any route, pipe or logger walks them.
 */
export function inputRules() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const problem =
      (req.body !== undefined ? checkInput(req.body) : undefined) ?? checkInput(req.query);
    next(problem);
  };
}
