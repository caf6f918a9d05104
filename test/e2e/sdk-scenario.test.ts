import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { runScenario, type ScenarioReport } from '../../clients/typescript/examples/scenario.js';
import { startTestApp, testConfig } from '../support/app.js';
import { OpenApiContract, type ContractMismatch } from '../support/openapi-contract.js';

/** The global fetch, with every answer checked against openapi.json on the way. */
function checkedFetch(contract: OpenApiContract, mismatches: ContractMismatch[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const contentType = response.headers.get('content-type') ?? undefined;
    // An event stream is read by the SDK as it arrives; its grammar has its own tests.
    const streamed = contentType?.startsWith('text/event-stream') ?? false;
    const text = streamed ? '' : await response.clone().text();
    const json = /json/.test(contentType ?? '') && text !== '';
    mismatches.push(
      ...contract.check({
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        contentType,
        hasBody: streamed || text !== '',
        body: json ? JSON.parse(text) : text,
      }),
    );
    return response;
  };
}

/**
 * The SDK's example journey (clients/typescript/examples/scenario.ts: strict
 * types, linted to hold no cast, `any` or `!`) against a live server: what it
 * reports is what a client built on the generated types would see.
 */
describe('the typed SDK scenario against a live server', () => {
  let app: NestExpressApplication;
  let report: ScenarioReport;
  const mismatches: ContractMismatch[] = [];

  beforeAll(async () => {
    app = await startTestApp(testConfig('server', { RUN_PROCESSORS: 'true' }));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as net.AddressInfo;
    report = await runScenario(
      {
        baseUrl: `http://127.0.0.1:${port}`,
        fetch: checkedFetch(OpenApiContract.load(), mismatches),
      },
      `sdk-${randomBytes(4).toString('hex')}`,
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gets only answers openapi.json documents', () => {
    expect(mismatches).toEqual([]);
  });

  it('reaches a FULL session by a typed profile and the terms', () => {
    expect(report.scopes).toEqual({ registered: 'PENDING_CONSENT', afterTerms: 'FULL' });
  });

  it('pages the history two by two, oldest first, with AI SDK parts intact', () => {
    expect(report.history).toEqual(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    expect(report.historyPages).toBe(3);
    expect(report.assistantParts).toEqual([
      { type: 'step-start' },
      {
        type: 'tool-getWeather',
        toolCallId: 'call-1',
        state: 'output-available',
        input: { city: 'Berlin' },
        output: { sky: 'sunny', high: 21 },
      },
      { type: 'text', text: 'Sunny, 21 degrees.', state: 'done' },
    ]);
  });

  it('reads the stream byte-exact, and again from after its first chunk', () => {
    expect(report.chunks).toEqual(['Sunny', ',\r\n21', ' degrees.']);
    expect(report.resumedChunks).toEqual([',\r\n21', ' degrees.']);
  });

  it('remembers, accepts a summary, and shares a family through an invitation', () => {
    expect(report.memoryValue).toEqual({ text: 'Lives in Berlin' });
    expect(['queued', 'stored']).toContain(report.summaryStatus);
    expect(report.members.sort()).toEqual([
      ['member', true],
      ['owner', false],
    ]);
  });

  it('reads errors as typed problems', () => {
    expect(report.notFound).toMatchObject({ status: 404, code: 'not-found' });
    expect(report.invalid.problem).toMatchObject({ status: 400, code: 'validation-failed' });
    // Every rule message_id breaks is listed, each naming the field.
    expect(new Set(report.invalid.fields)).toEqual(new Set(['message_id']));
  });
});
