/**
 * The API client of the console. The access token lives only in this module's
 * memory: a reload signs the admin out, and no script can read it from storage.
 */

let accessToken: string | null = null;

export interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(describe(status, problem));
  }
}

function describe(status: number, problem: Problem): string {
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
  const text = problem.detail ?? problem.title ?? `HTTP ${status}`;
  return fields ? `${text} (${fields})` : text;
}

/** Called when a request comes back 401: the session ended, sign in again. */
let onSignedOut: () => void = () => undefined;

export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function signedIn(): boolean {
  return accessToken !== null;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
  });
  if (res.status === 204) return undefined as T;
  const payload: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    if (res.status === 401 && accessToken) {
      accessToken = null;
      onSignedOut();
    }
    throw new ApiError(res.status, payload as Problem);
  }
  return payload as T;
}

export interface Me {
  id: string;
  email: string | null;
  roles: string[];
}

export async function signIn(email: string, password: string): Promise<Me> {
  const tokens = await api<{ access_token: string }>('POST', '/v1/auth/login', {
    email,
    password,
  });
  accessToken = tokens.access_token;
  return api<Me>('GET', '/v1/me');
}

export async function signOut(): Promise<void> {
  try {
    if (accessToken) await api('POST', '/v1/auth/logout');
  } finally {
    accessToken = null;
  }
}

export const path = (...parts: string[]): string => parts.map(encodeURIComponent).join('/');
