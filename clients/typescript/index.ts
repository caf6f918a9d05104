import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';
import {
  readStreamEvents,
  type StreamEvent,
  type StreamEventsOptions,
  type TokenSource,
} from './sse.js';

export type { components, operations, paths } from './schema.js';
export {
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

export interface ParleyClientOptions {
  /** Parley's origin, e.g. `https://parley.example.com`; paths start with `/v1`. */
  baseUrl: string;
  /** An access token, or a function that returns the current one (after a refresh). */
  token?: TokenSource | undefined;
  /** Another fetch (tests, instrumentation); the global one by default. */
  fetch?: typeof fetch | undefined;
}

export type ParleyClient = Client<paths> & {
  /** Follows a resumable stream (GET /v1/streams/{id}/events) until its `done` event. */
  streamEvents(streamId: string, options?: StreamEventsOptions): AsyncGenerator<StreamEvent, void>;
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
  });
}
