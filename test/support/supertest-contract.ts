import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  isJsonMedia,
  OpenApiContract,
  type ContractMismatch,
  type ObservedResponse,
} from './openapi-contract.js';

/**
 * Checks every response a test receives through supertest against openapi.json.
 * PARLEY_CONTRACT: `strict` fails the request (so the test), `report` appends the
 * mismatches to a JSON-lines file under the OS temp dir (see
 * scripts/contract-summary.mjs), `off` checks nothing.
 */
export type ContractMode = 'strict' | 'report' | 'off';

export const DEFAULT_CONTRACT_MODE: ContractMode = 'strict';

export function contractMode(): ContractMode {
  const value = process.env.PARLEY_CONTRACT ?? DEFAULT_CONTRACT_MODE;
  if (value === 'strict' || value === 'report' || value === 'off') return value;
  throw new Error(`PARLEY_CONTRACT must be strict, report or off, not "${value}"`);
}

/** Where report mode writes: one file per test run, shared by the workers. */
export function contractReportFile(): string {
  if (process.env.PARLEY_CONTRACT_REPORT) return process.env.PARLEY_CONTRACT_REPORT;
  const run = process.env.PARLEY_TEST_RUN_ID ?? 'local';
  return path.join(os.tmpdir(), 'parley-contract', `${run}.jsonl`);
}

export class ContractViolation extends Error {
  constructor(readonly mismatches: ContractMismatch[]) {
    super(
      `response departs from openapi.json:\n${mismatches
        .map((m) => `  ${m.operation} ${m.status} [${m.kind}] ${m.detail}`)
        .join('\n')}`,
    );
    this.name = 'ContractViolation';
  }
}

interface SuperagentResponse {
  status: number;
  headers: Record<string, string | undefined>;
  text?: string;
  body?: unknown;
}

/** What the validator needs from a superagent response. */
export function observe(method: string, url: string, res: SuperagentResponse): ObservedResponse {
  const contentType = res.headers['content-type'];
  // A custom `.parse()` (event streams read whole) leaves no `text`, only its string body.
  const text =
    typeof res.text === 'string' ? res.text : typeof res.body === 'string' ? res.body : '';
  const binary = Buffer.isBuffer(res.body) ? res.body.length : 0;
  const declared = Number(res.headers['content-length'] ?? NaN);
  const hasBody = text.length > 0 || binary > 0 || declared > 0;
  let body: unknown = res.body;
  const media = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (isJsonMedia(media) && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  } else if (text) {
    body = text;
  }
  return {
    method,
    path: new URL(url, 'http://localhost').pathname,
    status: res.status,
    contentType,
    hasBody,
    body,
  };
}

let contract: OpenApiContract | undefined;
const skipped = new WeakSet<object>();

/** For a request that exercises something the document cannot describe (a malformed URL). */
export function outsideContract<T extends object>(test: T): T {
  skipped.add(test);
  return test;
}

type AssertFn = (
  this: request.Test,
  err: unknown,
  res: SuperagentResponse | undefined,
  fn?: (err: unknown, res: unknown) => void,
) => void;

/** Wraps supertest's Test once; the mode is read per response, so a test may change it. */
export function installContractCheck(): void {
  const proto = request.Test.prototype as unknown as { assert: AssertFn; __contract?: boolean };
  if (proto.__contract) return;
  proto.__contract = true;
  const original = proto.assert;
  proto.assert = function (this: request.Test, resError, res, fn) {
    const self = this as unknown as { method: string; url: string };
    const mode = contractMode();
    if (mode === 'off' || !res || skipped.has(this)) return original.call(this, resError, res, fn);
    contract ??= OpenApiContract.load();
    const mismatches = contract.check(observe(self.method, self.url, res));
    if (mismatches.length === 0) return original.call(this, resError, res, fn);
    if (mode === 'report') {
      record(mismatches);
      return original.call(this, resError, res, fn);
    }
    // The test's own expectations speak first; a conforming test then fails on the contract.
    return original.call(this, resError, res, (err, r) =>
      fn?.call(this, err ?? new ContractViolation(mismatches), r),
    );
  };
}

function record(mismatches: ContractMismatch[]): void {
  const file = contractReportFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const testName = expect.getState().currentTestName;
  const testPath = path.relative(process.cwd(), expect.getState().testPath ?? '');
  fs.appendFileSync(
    file,
    mismatches.map((m) => `${JSON.stringify({ ...m, test: testName, file: testPath })}\n`).join(''),
  );
}
