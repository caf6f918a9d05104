import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';
import {
  readStreamEvents,
  StreamEventsError,
  type StreamEvent,
  type StreamEventsOptions,
  type TokenSource,
} from './sse.js';

export type { components, operations, paths } from './schema.js';
export {
  decodeChunk,
  readStreamEvents,
  SseParser,
  StreamEventsError,
  type StreamEvent,
  type StreamEventsOptions,
  type StreamEventsTarget,
  type TokenSource,
} from './sse.js';

/** The documented bodies by name, e.g. `Schemas['MessageDto']`. */
export type Schemas = components['schemas'];

/** Every error answer's body (RFC 9457 application/problem+json). */
export type Problem = Schemas['Problem'];
export type ValidationProblem = Schemas['ValidationProblem'];

/** A 400 that names its invalid fields in `errors` (code `validation-failed`). */
export function isValidationProblem(problem: Problem): problem is ValidationProblem {
  const errors = problem.errors;
  return (
    Array.isArray(errors) &&
    errors.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        'field' in e &&
        typeof e.field === 'string' &&
        'message' in e &&
        typeof e.message === 'string',
    )
  );
}

export interface ParleyClientOptions {
  /** Parley's origin, e.g. `https://parley.example.com`; paths start with `/v1`. */
  baseUrl: string;
  /** An access token, or a function that returns the current one (after a refresh). */
  token?: TokenSource | undefined;
  /** Another fetch (tests, instrumentation); the global one by default. */
  fetch?: typeof fetch | undefined;
}

export interface EventSourceUrlOptions {
  /** Start after this sequence number (`?after=`), e.g. the last event id seen before. */
  after?: number | string;
}

export interface EventSourceTarget {
  /** Absolute URL of the stream's events, ticket included: `new EventSource(url)`. */
  url: string;
  /** When the ticket stops opening connections (ISO-8601); an open connection goes on. */
  expiresAt: string;
}

export type ParleyClient = Client<paths> & {
  /** Follows a resumable stream (GET /v1/streams/{id}/events) until its `done` event. */
  streamEvents(streamId: string, options?: StreamEventsOptions): AsyncGenerator<StreamEvent, void>;
  /**
   * For a browser `EventSource`, which cannot send the Authorization header:
   * mints a ticket (POST /v1/streams/{id}/tickets) and returns the events URL
   * that carries it. Chunk events' data is JSON: read them with `decodeChunk`.
   * EventSource's own reconnects reuse the URL, so they work until `expiresAt`;
   * after an `error` that closed the source, build a new URL with
   * `after: lastEventId` and open a new one. Throws StreamEventsError when
   * refused (404: not the caller's stream).
   */
  eventSourceUrl(streamId: string, options?: EventSourceUrlOptions): Promise<EventSourceTarget>;
};

/** A typed client of Parley's REST API (openapi-fetch) that signs every request. */
export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client = createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      return request;
    },
  };
  client.use(auth);
  const target = { baseUrl, token: options.token, fetch: options.fetch };
  return Object.assign(client, {
    streamEvents: (streamId: string, streamOptions?: StreamEventsOptions) =>
      readStreamEvents(target, streamId, streamOptions),
    eventSourceUrl: async (
      streamId: string,
      urlOptions: EventSourceUrlOptions = {},
    ): Promise<EventSourceTarget> => {
      const { data, error, response } = await client.POST('/v1/streams/{id}/tickets', {
        params: { path: { id: streamId } },
      });
      if (!data) throw new StreamEventsError(response.status, error ?? null);
      const after =
        urlOptions.after === undefined
          ? ''
          : `&after=${encodeURIComponent(String(urlOptions.after))}`;
      return { url: `${baseUrl}${data.events_url}${after}`, expiresAt: data.expires_at };
    },
  });
}
