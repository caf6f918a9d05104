import { b8 } from './b8-auth.js';
import { b9 } from './b9-flags.js';
import { b2 } from './b2-agent-turn.js';
import { b1, b3 } from './conversations.js';
import { compare, requestsPerSecond, startServer } from './harness.js';
import { b7 } from './lake.js';
import { b6 } from './streams.js';

interface Row {
  id: string;
  workload: string;
  ours: string;
  peer: string;
  ratio: number;
  target: string;
  pass: boolean | null;
}

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

function print(rows: Row[]): void {
  const header = ['id', 'workload', 'ours', 'peer', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.id,
    r.workload,
    r.ours,
    r.peer,
    r.ratio.toFixed(2),
    r.target,
    r.pass === null ? 'reference' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
}

const benches: Record<string, () => Promise<Row | Row[]>> = {
  B0: b0,
  B1: () => b1(ROUNDS),
  B2: b2,
  B3: () => b3(ROUNDS),
  B6: () => b6(ROUNDS),
  B7: () => b7(ROUNDS),
  B8: () => b8(ROUNDS),
  B9: () => b9(ROUNDS),
};
const selected = process.argv.slice(2);
const rows: Row[] = [];
for (const [id, bench] of Object.entries(benches)) {
  if (selected.length && !selected.includes(id)) continue;
  rows.push(...[await bench()].flat());
}
print(rows);
if (rows.some((r) => r.pass === false)) process.exitCode = 1;
