import type { Schema } from './openapi-document.js';

/** Hostile inputs the generated cases send, one family per input class. */

/** Text spliced verbatim into a JSON body: what JSON.stringify cannot produce. */
export class RawJson {
  constructor(readonly text: string) {}
}

export const DEPTH = 10_000;
export const HUGE = 100_000;

export interface Probe {
  label: string;
  /** What the server decodes. */
  value: string;
  /** A JSON string literal, escapes written out. */
  json: string;
  /** Percent-encoded, for paths and queries. */
  url: string;
}

const probe = (label: string, value: string, json?: string, url?: string): Probe => ({
  label,
  value,
  json: json ?? JSON.stringify(value),
  url: url ?? encodeURIComponent(value),
});

/** String mutations, each sent to every string field and parameter. */
export const STRING_PROBES: Record<string, Probe[]> = {
  'huge-string': [
    probe(`${HUGE} x a`, 'a'.repeat(HUGE), undefined, 'a'.repeat(2000)),
    probe(`${HUGE} x %`, '%'.repeat(HUGE), undefined, '%25'.repeat(2000)),
  ],
  'nul-byte': [
    probe('nul inside', 'nul\u0000byte', '"nul\\u0000byte"', 'nul%00byte'),
    probe('nul alone', '\u0000', '"\\u0000"', '%00'),
  ],
  'lone-surrogate': [
    probe('high surrogate', '\ud800', '"\\ud800"', '%ED%A0%80'),
    probe('low surrogate inside', 'x\udfffy', '"x\\udfffy"', 'x%ED%BF%BFy'),
    probe(
      'reversed pair',
      '\udc00\ud800@example.test',
      '"\\udc00\\ud800@example.test"',
      '%ED%B0%80%ED%A0%80',
    ),
  ],
  'sql-metacharacters': [
    "'; DROP TABLE app.users; --",
    '%',
    '_',
    '\\',
    `%_\\'"`,
    "' OR '1'='1",
  ].map((s) => probe(s, s)),
  'path-traversal': [
    '../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '....//....//etc/passwd',
  ].map((s) => probe(s, s)),
};

export const WRONG_TYPES: Record<string, unknown[]> = {
  string: [12345, true, { k: 'v' }, ['x']],
  number: ['12', true, [1], { k: 1 }],
  boolean: ['true', 1, [true], {}],
  array: ['x', 1, { k: 'v' }],
  object: ['x', 1, true, []],
};

/** `Authorization` values that must never authenticate. */
export const BAD_AUTHORIZATION: [string, string][] = [
  ['token then junk', 'Bearer {token} junk'],
  ['scheme without token', 'Bearer'],
  ['token without scheme', '{token}'],
  ['garbage token', 'Bearer not.a.jwt'],
  ['tampered signature', 'Bearer {tampered}'],
  ['basic scheme', 'Basic dXNlcjpwYXNzd29yZA=='],
];

const b64url = (s: string) => Buffer.from(s).toString('base64url');
export const BAD_CURSORS = [
  'garbage',
  b64url('[null,null]'),
  b64url('[]'),
  b64url('{"a":1}'),
  // Booleans fit no keyset: not a position any list could have handed out.
  b64url('[true,false]'),
  '!!!',
];

export function badNumbers(schema: Schema): string[] {
  const bad = ['0x10', '1e1', ' 5', '5 ', 'abc', '', '1,2', 'NaN', 'Infinity'];
  const min = schema.minimum;
  if (min === undefined || min >= 0) bad.push('-1');
  if (min !== undefined && min >= 1) bad.push('0');
  if (schema.maximum !== undefined) bad.push(String(schema.maximum + 1));
  return bad;
}

export const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
export const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
