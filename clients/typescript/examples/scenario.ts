/**
 * A whole client journey through the typed SDK, as an application would write
 * it: register, accept the terms, a conversation with AI SDK message parts,
 * history pages, a stream read and resumed, memory, a collective with an
 * invitation, and errors read as `Problem`. It is type-checked with the SDK's
 * strict settings and linted to hold no type assertion, no `any` and no `!`;
 * test/e2e/sdk-scenario.test.ts runs it against a live server.
 */
import {
  createParleyClient,
  isValidationProblem,
  type ParleyClient,
  type Problem,
  type Schemas,
} from '../index.js';

export interface ScenarioReport {
  /** The session's scope after registering, and after accepting the terms. */
  scopes: { registered: string; afterTerms: string };
  conversationId: string;
  /** Client message ids, oldest first, as the history pages gave them (two per page). */
  history: string[];
  historyPages: number;
  /** The parts of the assistant message, as read back. */
  assistantParts: Schemas['MessagePart'][];
  /** Every chunk of the stream, then the chunks after the first (a resumed read). */
  chunks: string[];
  resumedChunks: string[];
  memoryValue: unknown;
  summaryStatus: Schemas['SummaryAcceptedDto']['status'];
  /** The collective's members after the invitation was accepted: [role, is the invitee]. */
  members: Array<[string, boolean]>;
  /** A missing conversation, and a message that fails validation (its fields named). */
  notFound: Problem;
  invalid: { problem: Problem; fields: string[] };
}

interface Account {
  client: ParleyClient;
  userId: string;
  scope: string;
  /** Replaces the token the client signs with (after a refresh, say). */
  useToken(token: string): void;
}

/** Raised when a step answers something else than the scenario expects. */
export class ScenarioError extends Error {
  constructor(
    step: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${step}: HTTP ${status} ${JSON.stringify(problem)}`);
  }
}

/** openapi-fetch's answer: the data on success, the documented error otherwise. */
type Answer<T, E> =
  { data: T; error?: never; response: Response } | { data?: never; error: E; response: Response };

function ok<T, E>(step: string, answer: Answer<T, E>): NonNullable<T> {
  const { data, error, response } = answer;
  if (error !== undefined || data == null) throw new ScenarioError(step, response.status, error);
  return data;
}

function problem<T, E extends Problem>(step: string, answer: Answer<T, E>): E {
  if (answer.error === undefined)
    throw new ScenarioError(step, answer.response.status, answer.data);
  return answer.error;
}

/** Where the scenario runs, and the fetch its clients use (the global one by default). */
export interface ScenarioTarget {
  baseUrl: string;
  fetch?: typeof fetch | undefined;
}

async function signUp(target: ScenarioTarget, email: string, name: string): Promise<Account> {
  let token: string | undefined;
  const client = createParleyClient({ ...target, token: () => token });
  const registered = ok(
    'register',
    await client.POST('/v1/auth/register', {
      body: {
        email,
        password: 'correct horse battery staple',
        name,
        language: 'en',
        country: 'DE',
        school: null,
        user_type: 'adult',
      },
    }),
  );
  token = registered.access_token;
  const me = ok('me', await client.GET('/v1/me'));
  return {
    client,
    userId: me.id,
    scope: registered.session.scope,
    useToken: (next) => {
      token = next;
    },
  };
}

async function acceptTerms(account: Account): Promise<string> {
  ok('terms', await account.client.POST('/v1/consent/terms'));
  const sessions = ok('sessions', await account.client.GET('/v1/auth/sessions'));
  const current = sessions.data.find((s) => s.current);
  if (!current) throw new ScenarioError('sessions', 200, 'no current session listed');
  return current.scope;
}

async function collect(
  events: AsyncGenerator<{ event: string; data: string }, void>,
): Promise<string[]> {
  const chunks: string[] = [];
  for await (const event of events) {
    if (event.event === 'done') break;
    chunks.push(event.data);
  }
  return chunks;
}

export async function runScenario(target: ScenarioTarget, label: string): Promise<ScenarioReport> {
  const ada = await signUp(target, `${label}-ada@example.test`, 'Ada');
  const registeredScope = ada.scope;
  const afterTerms = await acceptTerms(ada);
  const parley = ada.client;

  const conversation = ok(
    'conversation',
    await parley.POST('/v1/conversations', { body: { title: 'Weather in Berlin' } }),
  );
  const path = { id: conversation.id };

  ok(
    'user message',
    await parley.POST('/v1/conversations/{id}/messages', {
      params: { path },
      body: {
        message_id: 'm-1',
        role: 'user',
        parts: [{ type: 'text', text: 'What is the weather in Berlin?' }],
      },
    }),
  );
  const assistant = ok(
    'assistant message',
    await parley.POST('/v1/conversations/{id}/messages', {
      params: { path },
      body: {
        message_id: 'm-2',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          {
            type: 'tool-getWeather',
            toolCallId: 'call-1',
            state: 'output-available',
            input: { city: 'Berlin' },
            output: { sky: 'sunny', high: 21 },
          },
          { type: 'text', text: 'Sunny, 21 degrees.', state: 'done' },
        ],
      },
    }),
  );
  ok(
    'batch',
    await parley.POST('/v1/conversations/{id}/messages/batch', {
      params: { path },
      body: {
        messages: [
          { message_id: 'm-3', role: 'user', content: 'And tomorrow?' },
          { message_id: 'm-4', role: 'assistant', content: 'Cloudy.' },
          { message_id: 'm-5', role: 'user', content: 'Thanks!' },
        ],
      },
    }),
  );

  const history: string[] = [];
  let historyPages = 0;
  let after: string | undefined;
  do {
    const page = ok(
      'history page',
      await parley.GET('/v1/conversations/{id}/messages', {
        params: { path, query: after === undefined ? { limit: 2 } : { limit: 2, after } },
      }),
    );
    historyPages += 1;
    history.push(...page.data.map((m) => m.message_id));
    after = page.next_cursor ?? undefined;
  } while (after !== undefined);

  const stream = ok(
    'stream',
    await parley.POST('/v1/conversations/{id}/streams', { params: { path } }),
  );
  for (const data of ['Sunny', ',\r\n21', ' degrees.']) {
    ok(
      'chunk',
      await parley.POST('/v1/streams/{id}/chunks', {
        params: { path: { id: stream.id } },
        body: { data },
      }),
    );
  }
  ok(
    'complete',
    await parley.POST('/v1/streams/{id}/complete', { params: { path: { id: stream.id } } }),
  );
  const chunks = await collect(parley.streamEvents(stream.id));
  const resumedChunks = await collect(parley.streamEvents(stream.id, { lastEventId: '1' }));

  ok(
    'memory put',
    await parley.PUT('/v1/memory/items/{namespace}/{key}', {
      params: { path: { namespace: 'profile', key: 'city' } },
      body: { value: { text: 'Lives in Berlin' } },
    }),
  );
  const memory = ok(
    'memory get',
    await parley.GET('/v1/memory/items/{namespace}/{key}', {
      params: { path: { namespace: 'profile', key: 'city' } },
    }),
  );
  const summary = ok(
    'summary',
    await parley.POST('/v1/memory/summaries', {
      body: { conversation_id: conversation.id, summary: 'Asked about the weather in Berlin.' },
    }),
  );

  const family = ok(
    'collective',
    await parley.POST('/v1/collectives', { body: { name: 'The Lovelaces', type: 'family' } }),
  );
  const invitation = ok(
    'invitation',
    await parley.POST('/v1/collectives/{id}/invitations', {
      params: { path: { id: family.id } },
      body: { label: 'for Byron', usage_limit: 1 },
    }),
  );
  const byron = await signUp(target, `${label}-byron@example.test`, 'Byron');
  await acceptTerms(byron);
  ok(
    'accept invitation',
    await byron.client.POST('/v1/invitations/{token}/accept', {
      params: { path: { token: invitation.token } },
    }),
  );
  const members = ok(
    'members',
    await parley.GET('/v1/collectives/{id}/members', { params: { path: { id: family.id } } }),
  );

  const notFound = problem(
    'missing conversation',
    await parley.GET('/v1/conversations/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    }),
  );
  const invalid = problem(
    'invalid message',
    await parley.POST('/v1/conversations/{id}/messages', {
      params: { path },
      body: { message_id: '', role: 'user', content: 'no id' },
    }),
  );

  return {
    scopes: { registered: registeredScope, afterTerms },
    conversationId: conversation.id,
    history,
    historyPages,
    assistantParts: assistant.parts ?? [],
    chunks,
    resumedChunks,
    memoryValue: memory.value,
    summaryStatus: summary.status,
    members: members.data.map((m) => [m.role, m.user_id === byron.userId]),
    notFound,
    invalid: {
      problem: invalid,
      fields: isValidationProblem(invalid) ? invalid.errors.map((e) => e.field) : [],
    },
  };
}
