import { DomainError } from '../../../platform/http/domain-error.js';
import { ErrorCode } from '../../../platform/http/error-codes.js';

const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const OPERATORS = new Set(['in', 'not_in', 'lt', 'gt']);
const MAX_KEYS = 16;
const MAX_LIST = 100;

type Scalar = string | number | boolean | null;

/** A WHERE fragment over `<alias>.metadata` and the parameters it binds, numbered from `firstParam`. */
export interface CompiledFilter {
  sql: string;
  params: unknown[];
}

function invalid(message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, 'The filter is not valid.', {
    errors: [{ field: 'filter', message }],
  });
}

const isScalar = (v: unknown): v is Scalar =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object whose keys are all operators is a condition; any other value must be contained. */
function isCondition(v: unknown): v is Record<string, unknown> {
  const keys = isPlainObject(v) ? Object.keys(v) : [];
  return keys.length > 0 && keys.every((k) => OPERATORS.has(k));
}

/**
 * Compiles a metadata filter into SQL with bound parameters only: keys and
 * values never become SQL text. `{key: value}` means the metadata contains
 * that value (JSON containment, served by the GIN index); `{key: {in: [...]}}`,
 * `{not_in: [...]}`, `{lt: x}`, `{gt: x}` compare the value at the key, numbers
 * as numbers and strings in code-point order. Conditions combine with AND.
 */
export function compileFilter(
  filter: Record<string, unknown> | undefined,
  alias: string,
  firstParam: number,
): CompiledFilter {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  if (filter === undefined) return { sql: 'TRUE', params };
  if (!isPlainObject(filter)) throw invalid('filter must be an object of metadata keys');
  const entries = Object.entries(filter);
  if (entries.length > MAX_KEYS) throw invalid(`filter may name at most ${MAX_KEYS} keys`);
  const contained: Record<string, unknown> = {};
  const column = `${alias}.metadata`;
  for (const [key, value] of entries) {
    if (!KEY.test(key)) {
      throw invalid(`"${key.slice(0, 64)}" is not a metadata key (letters, digits, _ . -)`);
    }
    if (!isCondition(value)) {
      contained[key] = value;
      continue;
    }
    for (const [op, operand] of Object.entries(value)) {
      const at = `(${column} -> ${bind(key)}::text)`;
      if (op === 'in' || op === 'not_in') {
        if (!Array.isArray(operand) || operand.length === 0 || operand.length > MAX_LIST) {
          throw invalid(`${key}.${op} must be a list of 1 to ${MAX_LIST} values`);
        }
        if (!operand.every(isScalar)) throw invalid(`${key}.${op} must list plain values`);
        const member = `(${at} IS NOT NULL AND jsonb_build_array(${at}) <@ ${bind(JSON.stringify(operand))}::jsonb)`;
        clauses.push(op === 'in' ? member : `NOT ${member}`);
      } else if (typeof operand === 'number' && Number.isFinite(operand)) {
        const cmp = op === 'lt' ? '<' : '>';
        clauses.push(
          `(CASE WHEN jsonb_typeof(${at}) = 'number' THEN (${at} #>> '{}')::numeric ${cmp} ${bind(String(operand))}::numeric ELSE FALSE END)`,
        );
      } else if (typeof operand === 'string') {
        const cmp = op === 'lt' ? '<' : '>';
        clauses.push(
          `(CASE WHEN jsonb_typeof(${at}) = 'string' THEN (${at} #>> '{}') COLLATE "C" ${cmp} ${bind(operand)}::text COLLATE "C" ELSE FALSE END)`,
        );
      } else {
        throw invalid(`${key}.${op} must be a number or a string`);
      }
    }
  }
  if (Object.keys(contained).length > 0) {
    clauses.unshift(`${column} @> ${bind(JSON.stringify(contained))}::jsonb`);
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : 'TRUE', params };
}
