/** Answers seen per route: latencies and statuses, and what went wrong. */
export interface RouteFigures {
  route: string;
  requests: number;
  p50: number;
  p99: number;
  /** Answers by status code, plus `network` for a request that got none. */
  statuses: Record<string, number>;
}

export interface Failure {
  route: string;
  status: number | 'network';
  detail: string;
}

/** Every request of a load, timed and counted by route (a route is its template). */
export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly statuses = new Map<string, Map<string, number>>();
  /** Unexpected answers (the first 50 kept in full, the rest counted). */
  readonly failures: Failure[] = [];
  serverErrors = 0;
  networkErrors = 0;
  unexpected = 0;

  record(route: string, status: number | 'network', ms: number): void {
    const list = this.latencies.get(route) ?? [];
    list.push(ms);
    this.latencies.set(route, list);
    const counts = this.statuses.get(route) ?? new Map<string, number>();
    counts.set(String(status), (counts.get(String(status)) ?? 0) + 1);
    this.statuses.set(route, counts);
    if (status === 'network') this.networkErrors++;
    else if (status >= 500) this.serverErrors++;
  }

  fail(failure: Failure): void {
    this.unexpected++;
    if (this.failures.length < 50) this.failures.push(failure);
  }

  get total(): number {
    let n = 0;
    for (const list of this.latencies.values()) n += list.length;
    return n;
  }

  figures(): RouteFigures[] {
    return [...this.latencies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, list]) => {
        const sorted = [...list].sort((x, y) => x - y);
        return {
          route,
          requests: sorted.length,
          p50: percentile(sorted, 0.5),
          p99: percentile(sorted, 0.99),
          statuses: Object.fromEntries(this.statuses.get(route) ?? []),
        };
      });
  }
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** Sends one request, timing it under `route`; a request with no answer records `network`. */
export async function send<T = Record<string, unknown>>(
  recorder: Recorder | undefined,
  route: string,
  url: string,
  init: RequestInit & { token?: string; json?: unknown },
): Promise<Answer<T> | undefined> {
  const { token, json, ...rest } = init;
  const headers: Record<string, string> = {
    ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(rest.headers as Record<string, string> | undefined),
  };
  const started = performance.now();
  try {
    const res = await fetch(url, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      // A request that hangs is a failure of the load, not a reason to hang the run.
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    recorder?.record(route, res.status, performance.now() - started);
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, body: body as T };
  } catch (err) {
    recorder?.record(route, 'network', performance.now() - started);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause ? `: ${cause.code ?? cause.message ?? String(cause)}` : '';
    recorder?.fail({ route, status: 'network', detail: `${String(err)}${why}` });
    return undefined;
  }
}
