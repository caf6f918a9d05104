import fs from 'node:fs';
import path from 'node:path';
import type { Comparison } from './harness.js';

/** What every bench returns: one ratio against its target. */
export interface Row {
  id: string;
  workload: string;
  ours: string;
  peer: string;
  /** The median ratio (median of ours over the median of the peer). */
  ratio: number;
  target: string;
  pass: boolean | null;
  /** Lowest and highest per-round ratio, and the rounds taken (set by the runner from `compare`). */
  min?: number;
  max?: number;
  rounds?: number;
  /** Anything else the bench measured, kept in the results file (per-route latencies, a curve). */
  details?: unknown;
}

/** Gives rows their spread from the comparisons whose ours / peer is the row's ratio. */
export function withSpread(rows: Row[], comparisons: Comparison[]): Row[] {
  const left = [...comparisons];
  return rows.map((row) => {
    if (row.min !== undefined && row.max !== undefined) return row;
    const i = left.findIndex((c) => c.ours / c.peer === row.ratio);
    if (i < 0) return { ...row, min: row.ratio, max: row.ratio, rounds: row.rounds ?? 1 };
    const [c] = left.splice(i, 1);
    // The median ratio lies inside the range drawn for it.
    return {
      ...row,
      min: Math.min(c!.min, row.ratio),
      max: Math.max(c!.max, row.ratio),
      rounds: c!.rounds,
    };
  });
}

const num = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(2);

export function printTable(rows: Row[]): void {
  const header = ['id', 'workload', 'ours', 'peer', 'ratio', 'min-max', 'target', 'result'];
  const lines = rows.map((r) => [
    r.id,
    r.workload,
    r.ours,
    r.peer,
    num(r.ratio),
    r.rounds && r.rounds > 1 ? `${num(r.min)}-${num(r.max)} (${r.rounds})` : '',
    r.target,
    r.pass === null ? 'reference' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
}

/** The bound a target names (`>= 0.85`, `<= 2.0; 1 statement`, `~0.87`), if any. */
export function targetBound(target: string): { op: string; value: number } | undefined {
  const m = /(>=|<=|<|>|~)\s*(\d+(?:\.\d+)?)/.exec(target);
  return m ? { op: m[1]!, value: Number(m[2]) } : undefined;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Every ratio on its own line and scale: the target as a vertical mark, the
 * median as a dot, min to max over the rounds as a bar; green passes, red fails,
 * grey is a reference.
 */
export function chartSvg(rows: Row[], title: string): string {
  const width = 1040;
  const rowHeight = 34;
  const labelWidth = 330;
  const plot = { x: labelWidth + 10, width: 360 };
  const height = 50 + rows.length * rowHeight + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<text x="${plot.x}" y="40" fill="#555">dot: median ratio; bar: min-max over rounds; line: target</text>`,
  ];
  rows.forEach((row, i) => {
    const y = 50 + i * rowHeight + rowHeight / 2;
    const bound = targetBound(row.target);
    const top = Math.max(row.max ?? row.ratio, row.ratio, bound?.value ?? 0) * 1.2 || 1;
    const x = (v: number) => plot.x + (Math.max(0, Math.min(v, top)) / top) * plot.width;
    const colour = row.pass === null ? '#888' : row.pass ? '#2a9d4b' : '#d1362f';
    const label = `${row.id}: ${row.workload}`;
    parts.push(
      `<text x="10" y="${y + 4}">${escape(label.length > 52 ? `${label.slice(0, 51)}…` : label)}<title>${escape(label)}</title></text>`,
      `<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.width}" y2="${y}" stroke="#ddd"/>`,
    );
    if (bound) {
      parts.push(
        `<line x1="${x(bound.value)}" y1="${y - 11}" x2="${x(bound.value)}" y2="${y + 11}" stroke="#333" stroke-width="2" stroke-dasharray="${bound.op === '~' ? '3,2' : 'none'}"/>`,
      );
    }
    if (Number.isFinite(row.ratio)) {
      const lo = row.min ?? row.ratio;
      const hi = row.max ?? row.ratio;
      parts.push(
        `<rect x="${x(lo)}" y="${y - 4}" width="${Math.max(1, x(hi) - x(lo))}" height="8" fill="${colour}" opacity="0.35"/>`,
        `<circle cx="${x(row.ratio)}" cy="${y}" r="5" fill="${colour}"/>`,
      );
    }
    const spread = row.rounds && row.rounds > 1 ? ` (${num(row.min)}-${num(row.max)})` : '';
    parts.push(
      `<text x="${plot.x + plot.width + 12}" y="${y + 4}" fill="${colour}">${escape(`${num(row.ratio)}${spread}  target ${row.target}`)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/**
 * Writes `<dir>/<date>.json` and `<date>.svg`, and the same as `latest.json` /
 * `latest.svg` (what the README links). Returns the paths written.
 */
export function writeResults(rows: Row[], dir: string, at = new Date()): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = at
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  const json = `${JSON.stringify({ date: at.toISOString(), node: process.version, rows }, null, 2)}\n`;
  const svg = chartSvg(rows, `Parley benchmarks, ${at.toISOString().slice(0, 16)} UTC`);
  const written: string[] = [];
  for (const [name, text] of [
    [`${stamp}.json`, json],
    [`${stamp}.svg`, svg],
    ['latest.json', json],
    ['latest.svg', svg],
  ] as const) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    written.push(file);
  }
  return written;
}
