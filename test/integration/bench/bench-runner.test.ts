import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/app.js';
import { stopProcess } from '../../support/worker-process.js';

const RUNNER = new URL('../../../dist/bench/run.js', import.meta.url).pathname;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  exited: boolean;
}

/**
 * Runs `npm run bench`'s runner on one bench and waits (up to `limitMs`, a
 * generous bound, not a timing) for the process to end by itself.
 */
async function runBench(ids: string[], env: Record<string, string>, limitMs = 5 * 60_000) {
  const child = spawn(process.execPath, [RUNNER, ...ids], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const ended = new Promise<Omit<Ran, 'output'>>((resolve) =>
    // 'close', not 'exit': the output is complete once its pipes have closed.
    child.once('close', (code, signal) => resolve({ code, signal, exited: true })),
  );
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<'stuck'>(
    (resolve) => (timer = setTimeout(() => resolve('stuck'), limitMs)),
  );
  const first = await Promise.race([ended, stuck]);
  clearTimeout(timer);
  if (first === 'stuck') {
    await stopProcess(child, 'SIGKILL', 0);
    return { code: null, signal: null, exited: false, output } satisfies Ran;
  }
  return { ...first, output } satisfies Ran;
}

/** `npm run bench` ends when it is done: nothing it opened keeps its event loop alive. */
describe('bench runner', () => {
  it(
    'runs a short B7 (servers, worker process, queues) end to end, writes its results and exits',
    async () => {
      const results = tempDir('parley-bench-results-');
      const ran = await runBench(['B7'], {
        DATABASE_URL: process.env.PARLEY_TEST_ADMIN_DATABASE_URL!,
        REDIS_URL: process.env.PARLEY_TEST_REDIS_URL!,
        BENCH_ROUNDS: '2',
        BENCH_SECONDS: '1',
        BENCH_JOBS: '200',
        BENCH_RESULTS_DIR: results,
      });
      expect({ exited: ran.exited, signal: ran.signal }).toEqual({ exited: true, signal: null });
      // 0 when every ratio passes, 1 when one fails: either way it ran to its end.
      expect([0, 1]).toContain(ran.code);
      expect(ran.output).toMatch(/\| B7 +\|/);

      const written = fs.readdirSync(results).sort();
      expect(written).toEqual(
        expect.arrayContaining([
          'latest.json',
          'latest.svg',
          expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z\.json$/),
        ]),
      );
      const report = JSON.parse(fs.readFileSync(path.join(results, 'latest.json'), 'utf8')) as {
        rows: { workload: string; ratio: number; min: number; max: number; rounds: number }[];
      };
      const worker = report.rows.find((r) => r.workload.startsWith('worker jobs/s'));
      expect(worker?.rounds).toBe(2);
      expect(worker!.min).toBeLessThanOrEqual(worker!.ratio);
      expect(worker!.max).toBeGreaterThanOrEqual(worker!.ratio);
      const svg = fs.readFileSync(path.join(results, 'latest.svg'), 'utf8');
      expect(svg).toMatch(/^<svg /);
      expect(svg.match(/<circle /g)?.length).toBe(
        report.rows.filter((r) => Number.isFinite(r.ratio)).length,
      );
      fs.rmSync(results, { recursive: true, force: true });
    },
    10 * 60_000,
  );
});
