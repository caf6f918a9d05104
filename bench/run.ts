import { b8 } from './b8-auth.js';
import { b2 } from './b2-agent-turn.js';
import { b1, b3 } from './conversations.js';
import { fileURLToPath } from 'node:url';
import { compare, requestsPerSecond, startServer, takeComparisons } from './harness.js';
import { b7 } from './lake.js';
import { r5, r5Soak } from './r5-mixed-load.js';
import { printTable, withSpread, writeResults, type Row } from './report.js';
import { b6 } from './streams.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function b0(): Promise<Row> {
  const nest = await startServer('bare-nest');
  const express = await startServer('bare-express');
  try {
    const r = await compare(
      ROUNDS,
      () => requestsPerSecond(nest.url, { path: '/bare' }),
      () => requestsPerSecond(express.url, { path: '/bare' }),
    );
    const ratio = r.ours / r.peer;
    return {
      id: 'B0',
      workload: 'bare Nest route / bare Express route (req/s, 50 connections)',
      ours: `${r.ours.toFixed(0)} req/s`,
      peer: `${r.peer.toFixed(0)} req/s`,
      ratio,
      // A published reference, not a gate: it tells whether this machine measures sanely.
      target: '~0.87 (published)',
      pass: null,
    };
  } finally {
    await nest.stop();
    await express.stop();
  }
}

const benches: Record<string, () => Promise<Row | Row[]>> = {
  B0: b0,
  B1: () => b1(ROUNDS),
  B2: b2,
  B3: () => b3(ROUNDS),
  B6: () => b6(ROUNDS),
  B7: () => b7(ROUNDS),
  B8: () => b8(ROUNDS),
  R5: r5,
  'R5-soak': r5Soak,
};
const selected = process.argv.slice(2);
const unknown = selected.filter((id) => !(id in benches));
if (unknown.length)
  throw new Error(`unknown bench ${unknown.join(', ')}: ${Object.keys(benches).join(' ')}`);
const rows: Row[] = [];
for (const [id, bench] of Object.entries(benches)) {
  if (selected.length && !selected.includes(id)) continue;
  takeComparisons();
  try {
    rows.push(...withSpread([await bench()].flat(), takeComparisons()));
  } catch (err) {
    // One broken bench fails the run, not the others' figures.
    console.error(`${id} failed:`, err);
    rows.push({
      id,
      workload: 'failed to run',
      ours: '-',
      peer: '-',
      ratio: NaN,
      target: '-',
      pass: false,
    });
  }
}
printTable(rows);
const dir =
  process.env.BENCH_RESULTS_DIR ?? fileURLToPath(new URL('../../bench/results', import.meta.url));
for (const file of writeResults(rows, dir)) console.log(`wrote ${file}`);
// Nothing may keep the loop alive now: every bench closes its servers, pools and clients.
if (rows.some((r) => r.pass === false)) process.exitCode = 1;
