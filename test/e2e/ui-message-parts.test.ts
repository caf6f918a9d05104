import type net from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { UIMessage } from 'ai';
import {
  createParleyClient,
  type ParleyClient,
  type Schemas,
} from '../../clients/typescript/index.js';
import { registerFullUser } from '../factories/identity.js';
import { startTestApp, testConfig } from '../support/app.js';
import { OpenApiContract } from '../support/openapi-contract.js';

/**
 * Messages of the Vercel AI SDK (`UIMessage` of the `ai` package), one part of
 * every kind, through the generated client: the file type-checks only while
 * the documented request and response parts can hold every UIMessage part,
 * and at run time each message comes back exactly as it was sent.
 */
const messages: UIMessage[] = [
  {
    id: 'ui-user-1',
    role: 'user',
    parts: [
      { type: 'text', text: 'What is the weather in Berlin? See the attached forecast.' },
      {
        type: 'file',
        mediaType: 'application/pdf',
        filename: 'forecast.pdf',
        url: 'https://files.example.com/forecast.pdf',
      },
    ],
  },
  {
    id: 'ui-assistant-1',
    role: 'assistant',
    parts: [
      { type: 'step-start' },
      { type: 'reasoning', text: 'The user wants the weather; call the tool.', state: 'done' },
      {
        type: 'tool-getWeather',
        toolCallId: 'call-1',
        state: 'output-available',
        input: { city: 'Berlin', days: 2 },
        output: { forecast: [{ day: 1, sky: 'sunny', high: 21 }], unit: 'C' },
      },
      {
        type: 'tool-getWeather',
        toolCallId: 'call-2',
        state: 'output-error',
        input: { city: 'Atlantis' },
        errorText: 'Unknown city',
      },
      {
        type: 'dynamic-tool',
        toolName: 'lookupStation',
        toolCallId: 'call-3',
        state: 'output-available',
        input: { near: 'Berlin' },
        output: ['BER-1', 'BER-2'],
      },
      {
        type: 'dynamic-tool',
        toolName: 'lookupStation',
        toolCallId: 'call-4',
        state: 'input-available',
        input: { near: 'Potsdam' },
      },
      {
        type: 'source-url',
        sourceId: 'src-1',
        url: 'https://weather.example.com/berlin',
        title: 'Berlin weather',
      },
      {
        type: 'source-document',
        sourceId: 'src-2',
        mediaType: 'application/pdf',
        title: 'Forecast',
        filename: 'forecast.pdf',
      },
      {
        type: 'data-weather',
        id: 'weather-1',
        data: { city: 'Berlin', temperatures: [18, 21], stale: false },
      },
      {
        type: 'text',
        text: 'Sunny, 21 degrees tomorrow.',
        state: 'done',
        providerMetadata: { openai: { responseId: 'resp-1' } },
      },
    ],
    metadata: { model: 'gpt-4o' },
  },
];

/** A part of a kind the SDK may add later: stored and answered unchanged all the same. */
const futurePart: Schemas['MessagePart'] = {
  type: 'x-future-kind',
  nested: { list: [1, 'two', null, { three: true }] },
};

/** What the documented request takes: the UIMessage parts as they are, with no conversion. */
function toAppend(message: UIMessage): Schemas['AppendMessageDto'] {
  const parts: Schemas['MessagePart'][] = message.parts;
  return { message_id: message.id, role: message.role, parts };
}

/** The documented response can carry every UIMessage part. */
const answered: NonNullable<Schemas['MessageDto']['parts']> = messages.flatMap((m) => m.parts);

describe('Vercel AI SDK UIMessage parts through the generated client', () => {
  let app: NestExpressApplication;
  let parley: ParleyClient;
  const contract = OpenApiContract.load();

  /** The client's answers are checked against openapi.json as supertest's are. */
  function conforms(method: string, response: Response, body: unknown): void {
    const path = new URL(response.url).pathname;
    const contentType = response.headers.get('content-type') ?? undefined;
    const hasBody = body !== undefined;
    expect(
      contract.check({ method, path, status: response.status, contentType, hasBody, body }),
    ).toEqual([]);
  }

  beforeAll(async () => {
    app = await startTestApp(testConfig('server'));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as net.AddressInfo;
    const user = await registerFullUser(app);
    parley = createParleyClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: user.tokens.access_token,
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('stores every part kind and answers it back exactly', async () => {
    expect(answered.length).toBe(12);
    const created = await parley.POST('/v1/conversations', { body: { title: 'UIMessage parts' } });
    expect(created.response.status).toBe(201);
    conforms('POST', created.response, created.data);
    const conversationId = created.data!.id;

    for (const message of messages) {
      const appended = await parley.POST('/v1/conversations/{id}/messages', {
        params: { path: { id: conversationId } },
        body: toAppend(message),
      });
      expect(appended.response.status).toBe(201);
      conforms('POST', appended.response, appended.data);
      expect(appended.data?.parts).toStrictEqual(message.parts);
    }
    const future = await parley.POST('/v1/conversations/{id}/messages', {
      params: { path: { id: conversationId } },
      body: { message_id: 'ui-future-1', role: 'assistant', parts: [futurePart] },
    });
    expect(future.response.status).toBe(201);
    conforms('POST', future.response, future.data);

    const history = await parley.GET('/v1/conversations/{id}/messages', {
      params: { path: { id: conversationId }, query: { limit: 10 } },
    });
    expect(history.response.status).toBe(200);
    conforms('GET', history.response, history.data);
    const read = (history.data?.data ?? []).map((m) => ({
      id: m.message_id,
      role: m.role,
      parts: m.parts,
    }));
    expect(read).toStrictEqual([
      ...messages.map((m) => ({ id: m.id, role: m.role, parts: m.parts })),
      { id: 'ui-future-1', role: 'assistant', parts: [futurePart] },
    ]);
  });
});
