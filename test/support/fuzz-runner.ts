import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { FuzzFixture } from './fuzz-fixture.js';
import { loadOpenApi, operationsOf } from './openapi-document.js';
import { fuzzCases, type FuzzCase, type FuzzRequest, type FuzzSample } from './openapi-fuzz.js';
import { drainQueues, watchEnqueues } from './queues.js';
import { RowCounter } from './row-counter.js';

/**
 * Runs the cases generated from openapi.json against an application, one
 * request at a time so that row counts before and after belong to it, and
 * collects every broken expectation instead of stopping at the first.
 */

export const DEFAULT_FUZZ_SEED = 20_260_501;

/** The seed of this run: PARLEY_FUZZ_SEED replays another. */
export function fuzzSeed(): number {
  const env = process.env.PARLEY_FUZZ_SEED;
  if (env === undefined || env === '') return DEFAULT_FUZZ_SEED;
  const seed = Number(env);
  if (!Number.isSafeInteger(seed))
    throw new Error(`PARLEY_FUZZ_SEED must be an integer, not ${env}`);
  return seed;
}

export interface FuzzFailure {
  operation: string;
  inputClass: string;
  target?: string;
  status: number | null;
  /** What went wrong, in one word: the report groups by it. */
  kind: string;
  detail: string;
  request: FuzzRequest;
  response?: { status: number; contentType?: string; body: string };
}

export interface FuzzResult {
  seed: number;
  documented: string[];
  exercised: Set<string>;
  requests: number;
  failures: FuzzFailure[];
  /** Where the time went, in ms: generating, requests, queue drains, row counts, fixture repairs. */
  timings: Record<'generate' | 'send' | 'drain' | 'count' | 'repair', number>;
  /** Row snapshots that counted every table, and those that reused the last counts. */
  snapshots: { counted: number; reused: number };
}

interface Response {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function authorization(template: string, user: { tokens: { access_token: string } }): string {
  const token = user.tokens.access_token;
  const [head, payload, sig] = token.split('.');
  // A character in the middle of the signature: the last one may only hold padding bits.
  const i = Math.floor(sig!.length / 2);
  const tampered = `${head}.${payload}.${sig!.slice(0, i)}${sig![i] === 'A' ? 'B' : 'A'}${sig!.slice(i + 1)}`;
  return template.replace('{token}', token).replace('{tampered}', tampered);
}

async function send(
  app: INestApplication,
  req: FuzzRequest,
  fixture: FuzzFixture,
): Promise<Response> {
  const method = req.method.toLowerCase() as 'get';
  let test = request(app.getHttpServer())
    [method](req.url)
    // Generous on a busy machine (a hostile 2,000-character hybrid search is real work); a
    // request that never answers still fails as no-response.
    .timeout({ response: 30_000, deadline: 30_000 });
  for (const [name, value] of Object.entries(req.headers)) test = test.set(name, value);
  if (req.authorization !== null)
    test = test.set('Authorization', authorization(req.authorization, fixture.user));
  if (req.body) test = test.set('Content-Type', req.body.type).send(req.body.text);
  const res = await test;
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    text: res.text ?? '',
  };
}

function problemDefect(res: Response): string | undefined {
  const type = res.headers['content-type'];
  if (!type?.startsWith('application/problem+json')) return `content type ${type ?? 'none'}`;
  try {
    const body = JSON.parse(res.text) as { type?: unknown; title?: unknown; status?: unknown };
    if (
      typeof body.type !== 'string' ||
      typeof body.title !== 'string' ||
      body.status !== res.status
    ) {
      return `problem without type/title/status ${res.status}: ${res.text.slice(0, 200)}`;
    }
  } catch {
    return `problem body is not JSON: ${res.text.slice(0, 200)}`;
  }
  return undefined;
}

/** The expectations every response meets, and the ones this sample's input adds. */
function judge(sample: FuzzSample, res: Response, rowChanges: string[]): [string, string][] {
  const { status } = res;
  const broken: [string, string][] = [];
  if (status >= 500) broken.push(['server-error', `answered ${status}`]);
  if (status >= 400 && status < 500) {
    const defect = problemDefect(res);
    if (defect) broken.push(['not-problem-json', defect]);
  }
  if (sample.expect === 'rejected' && status < 400) {
    broken.push(['accepted', `answered ${status} to input the document rules out`]);
  }
  if (sample.expect === 'unauthorized' && status !== 401 && status < 500) {
    broken.push(['not-401', `answered ${status} to credentials that must not authenticate`]);
  }
  if (sample.expect === 'not-found' && status < 400) {
    broken.push(['not-404', `answered ${status} with another user's id`]);
  } else if (
    sample.expect === 'not-found' &&
    !sample.request.body &&
    status !== 404 &&
    status < 500
  ) {
    broken.push(['not-404', `answered ${status} with another user's id, not 404`]);
  }
  if (status >= 400 && rowChanges.length) {
    broken.push([
      'half-written',
      `failed with ${status} but changed rows: ${rowChanges.join(', ')}`,
    ]);
  }
  return broken;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function runOpenApiFuzz(
  app: INestApplication,
  { seed, randomRuns }: { seed: number; randomRuns: number },
): Promise<FuzzResult> {
  const operations = operationsOf(loadOpenApi());
  const cases = operations.flatMap(fuzzCases);
  const fixture = await FuzzFixture.create(app);
  const rows = await RowCounter.create(app.get(DataSource));
  const result: FuzzResult = {
    seed,
    documented: operations.map((o) => o.id),
    exercised: new Set(),
    requests: 0,
    failures: [],
    timings: { generate: 0, send: 0, drain: 0, count: 0, repair: 0 },
    snapshots: { counted: 0, reused: 0 },
  };
  const timed = async <T>(
    phase: keyof FuzzResult['timings'],
    work: () => Promise<T>,
  ): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      result.timings[phase] += performance.now() - started;
    }
  };

  // The systematic pass sends every case; the random pass draws more of them.
  const systematic = cases.flatMap((c) => Array.from({ length: c.samples }, () => c));
  const extra = fc
    .sample(fc.nat({ max: cases.length - 1 }), { seed, numRuns: randomRuns })
    .map((i) => cases[i]!);
  const plan = [...systematic, ...extra];
  const seeds = fc.sample(fc.integer(), { seed: seed + 1, numRuns: plan.length });

  // PARLEY_FUZZ_TRACE=<part of an operation> prints every request to it and its answer.
  const trace = process.env.PARLEY_FUZZ_TRACE;
  const enqueues = watchEnqueues(app);
  // Runs the queues dry when something was enqueued since they last were: a job's rows
  // belong to the request that enqueued it.
  const settle = async () => {
    if (enqueues.take()) await timed('drain', () => drainQueues(app, { timeoutMs: 120_000 }));
  };
  try {
    await drainQueues(app, { timeoutMs: 60_000 });
    enqueues.take();
    const recount = () => timed('count', () => rows.snapshot());
    let before = await recount();
    for (const [i, c] of plan.entries()) {
      if (!c.applies(fixture)) continue;
      const [sample] = await timed('generate', async () =>
        fc.sample(c.arbitrary(fixture), { seed: seeds[i]!, numRuns: 1 }),
      );
      const fail = (kind: string, detail: string, res?: Response) =>
        result.failures.push(failure(c, sample!, kind, detail, res));
      let res: Response;
      try {
        res = await timed('send', () => send(app, sample!.request, fixture));
      } catch (err) {
        fail('no-response', String(err));
        await timed('repair', () => fixture.repair(sample!.request));
        await settle();
        before = await recount();
        continue;
      }
      result.requests++;
      result.exercised.add(c.operation.id);
      await settle();
      const after = await recount();
      if (trace && c.operation.id.includes(trace)) {
        console.log(
          `${c.inputClass} ${c.target ?? ''}: ${describe(sample!.request)}\n    => ${res.status} ${clip(res.text, 300)}`,
        );
      }
      for (const [kind, detail] of judge(sample!, res, rows.changes(before, after)))
        fail(kind, detail, res);
      if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')) {
        delete (Object.prototype as Record<string, unknown>).polluted;
        fail('prototype-polluted', 'Object.prototype gained "polluted"', res);
      }
      before = after;
      if (!SAFE.has(c.operation.method) && res.status < 300) {
        await timed('repair', () => fixture.repair(sample!.request));
        await settle();
        before = await recount();
      }
    }
  } finally {
    enqueues.stop();
  }
  result.snapshots = rows.stats;
  return result;
}

function failure(
  c: FuzzCase,
  sample: FuzzSample,
  kind: string,
  detail: string,
  res?: Response,
): FuzzFailure {
  return {
    operation: c.operation.id,
    inputClass: c.inputClass,
    target: c.target,
    status: res?.status ?? null,
    kind,
    detail,
    request: sample.request,
    response: res && {
      status: res.status,
      contentType: res.headers['content-type'],
      body: res.text,
    },
  };
}

const clip = (s: string, max = 300) =>
  s.length <= max ? s : `${s.slice(0, max - 100)} …(${s.length} chars)… ${s.slice(-80)}`;

/** One line per distinct failure: operation, input class, what broke, status. */
export function distinctFailures(failures: FuzzFailure[]): string[] {
  return [...group(failures).entries()].map(([key, list]) => {
    const targets = [...new Set(list.map((f) => f.target).filter(Boolean))];
    const shown =
      targets.length > 4 ? [...targets.slice(0, 4), `+${targets.length - 4} more`] : targets;
    return `${key}${shown.length ? ` [${shown.join('; ')}]` : ''} x${list.length}`;
  });
}

function group(failures: FuzzFailure[]): Map<string, FuzzFailure[]> {
  const groups = new Map<string, FuzzFailure[]>();
  for (const f of failures) {
    const key = `${f.operation} | ${f.inputClass} | ${f.kind} ${f.status ?? '-'}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return groups;
}

function describe(r: FuzzRequest): string {
  return [
    `${r.method} ${clip(r.url, 400)}`,
    ...Object.entries(r.headers).map(([k, v]) => `    ${k}: ${clip(v, 120)}`),
    ...(r.authorization === null
      ? []
      : [`    Authorization: ${r.authorization.replace('{token}', '<FULL user access token>')}`]),
    ...(r.body ? [`    Content-Type: ${r.body.type}`, `    body: ${clip(r.body.text)}`] : []),
  ].join('\n');
}

/** What a developer needs to replay the first failure of each kind. */
export function reproductions(result: FuzzResult): string {
  const lines = [
    `openapi fuzz: seed ${result.seed} (PARLEY_FUZZ_SEED replays it), ${result.requests} requests, ` +
      `${result.exercised.size}/${result.documented.length} operations; ms spent: ` +
      Object.entries(result.timings)
        .map(([phase, ms]) => `${phase} ${Math.round(ms)}`)
        .join(', ') +
      `; row snapshots: ${result.snapshots.counted} counted, ${result.snapshots.reused} reused`,
  ];
  for (const [key, [f]] of group(result.failures)) {
    const r = f!.request;
    lines.push(
      `--- ${key}${f!.target ? ` (${f!.target})` : ''}: ${f!.detail}`,
      `    ${describe(r)}`,
      f!.response
        ? `    => ${f!.response.status} ${f!.response.contentType ?? '(no content type)'} ${clip(f!.response.body, 400)}`
        : '    => no response',
    );
  }
  return lines.join('\n');
}
