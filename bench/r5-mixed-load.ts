import { median } from './harness.js';
import { runMixedLoad } from './mixed-load/clients.js';
import { createFixture } from './mixed-load/fixture.js';
import type { RouteFigures } from './mixed-load/recorder.js';
import { residentBytes, withServersMode, type ServersMode } from './mixed-load/servers.js';
import { verifyNothingLost } from './mixed-load/verify.js';
import type { Row } from './report.js';

const CLIENTS = Number(process.env.BENCH_R5_CLIENTS ?? 200);
const USERS = Number(process.env.BENCH_R5_USERS ?? 20);
const SECONDS = Number(process.env.BENCH_R5_SECONDS ?? 60);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const SAMPLE_SECONDS = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 10);
const WARMUP_SECONDS = Number(
  process.env.BENCH_SOAK_WARMUP_SECONDS ?? Math.min(120, Math.round(SOAK_SECONDS / 5)),
);

function printRoutes(figures: RouteFigures[]): void {
  console.log('\nR5 per route (ms):');
  console.log(
    `${'route'.padEnd(42)} ${'requests'.padStart(8)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}  statuses`,
  );
  for (const f of figures) {
    console.log(
      `${f.route.padEnd(42)} ${String(f.requests).padStart(8)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)}  ${JSON.stringify(f.statuses)}`,
    );
  }
}

/** The mixed load on the servers mode, then everything accepted read back. */
async function loadAndVerify(servers: ServersMode, seconds: number) {
  const fixture = await createFixture({
    base: servers.api.url,
    users: USERS,
    clients: CLIENTS,
    grantAdmin: servers.grantAdmin,
  });
  const { recorder: r, ledger } = await runMixedLoad(fixture, seconds * 1000);
  const lost = await verifyNothingLost(fixture, ledger);
  const figures = r.figures();
  printRoutes(figures);
  const errors = r.serverErrors + r.networkErrors + r.unexpected;
  if (r.failures.length) console.log('R5 failures (first ones):', r.failures.slice(0, 10));
  if (lost.length) console.log(`R5 lost ${lost.length}:`, lost.slice(0, 10));
  console.log(
    `R5: ${r.total} requests, ${r.serverErrors} 5xx, ${r.networkErrors} without answer, ${r.unexpected} non-2xx in all, ${lost.length} lost\n`,
  );
  return { recorder: r, figures, errors, lost };
}

/**
 * R5: CLIENTS clients for SECONDS against one API and one worker process. The
 * gate is zero 5xx and nothing lost; p50 and p99 per route are the figures.
 */
export function r5(): Promise<Row> {
  return withServersMode('r5', async (servers) => {
    const { recorder, figures, errors, lost } = await loadAndVerify(servers, SECONDS);
    return {
      id: 'R5',
      workload: `mixed load, ${CLIENTS} clients for ${SECONDS} s: failed answers / requests (0 5xx, nothing lost)`,
      ours: `${errors} errors (${recorder.serverErrors} 5xx), ${lost.length} lost`,
      peer: `${recorder.total} requests`,
      ratio: errors / recorder.total,
      target: '<= 0 (zero 5xx, none lost)',
      pass: errors === 0 && lost.length === 0,
      details: { routes: figures, failures: recorder.failures, lost: lost.slice(0, 100) },
    };
  });
}

/** A text plot of the samples: one line each, the bar's length the RSS. */
function curve(samples: { t: number; mb: number }[]): string {
  const top = Math.max(...samples.map((s) => s.mb));
  return samples
    .map(
      (s) =>
        `${String(s.t).padStart(5)} s ${s.mb.toFixed(1).padStart(7)} MB ${'#'.repeat(Math.round((s.mb / top) * 50))}`,
    )
    .join('\n');
}

/**
 * The soak: the same load for SOAK_SECONDS, the API process's RSS sampled every
 * SAMPLE_SECONDS. Growth is the median of the last three samples over the
 * median of the first three after the warm-up.
 */
export function r5Soak(): Promise<Row> {
  return withServersMode('r5s', async (servers) => {
    const samples: { t: number; mb: number }[] = [];
    const started = Date.now();
    const sample = () =>
      samples.push({
        t: Math.round((Date.now() - started) / 1000),
        mb: residentBytes(servers.api.pid) / 1024 ** 2,
      });
    sample();
    const timer = setInterval(sample, SAMPLE_SECONDS * 1000);
    let outcome: Awaited<ReturnType<typeof loadAndVerify>>;
    try {
      outcome = await loadAndVerify(servers, SOAK_SECONDS);
    } finally {
      clearInterval(timer);
    }
    sample();
    const warm = samples.filter((s) => s.t >= WARMUP_SECONDS);
    if (warm.length < 4)
      throw new Error(`R5-soak: ${warm.length} samples after the warm-up, 4 needed`);
    const base = median(warm.slice(0, 3).map((s) => s.mb));
    const end = median(warm.slice(-3).map((s) => s.mb));
    console.log(`R5-soak: API process RSS (warm-up ${WARMUP_SECONDS} s)\n${curve(samples)}\n`);
    const ratio = end / base;
    return {
      id: 'R5-soak',
      workload: `API RSS after ${SOAK_SECONDS} s of the mixed load / after the ${WARMUP_SECONDS} s warm-up`,
      ours: `${end.toFixed(1)} MB`,
      peer: `${base.toFixed(1)} MB`,
      ratio,
      target: '<= 1.10',
      pass: ratio <= 1.1 && outcome.errors === 0 && outcome.lost.length === 0,
      details: { samples, warmupSeconds: WARMUP_SECONDS, routes: outcome.figures },
    };
  });
}
