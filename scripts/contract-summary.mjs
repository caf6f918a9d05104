// Summarises the contract mismatches a test run recorded (PARLEY_CONTRACT=report):
// deduplicated by operation, status, kind and detail, as Markdown.
//   node scripts/contract-summary.mjs [report.jsonl] [--out summary.md]
// Without a file it reads the newest report under <tmpdir>/parley-contract/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
let file = args[0];
if (!file) {
  const dir = path.join(os.tmpdir(), 'parley-contract');
  const reports = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.jsonl'))
        .map((name) => path.join(dir, name))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
    : [];
  if (reports.length === 0) {
    console.error(`no contract report under ${dir}: run the e2e tiers with PARLEY_CONTRACT=report`);
    process.exit(1);
  }
  file = reports[0];
}

const records = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

const groups = new Map();
for (const r of records) {
  const key = [r.operation, r.status, r.kind, r.detail].join('\u0000');
  const group = groups.get(key) ?? { ...r, count: 0, tests: new Set() };
  group.count += 1;
  if (r.test) group.tests.add(`${r.file ? `${r.file}: ` : ''}${r.test}`);
  groups.set(key, group);
}
const rows = [...groups.values()].sort(
  (a, b) =>
    a.path.localeCompare(b.path) ||
    a.method.localeCompare(b.method) ||
    a.status - b.status ||
    a.kind.localeCompare(b.kind) ||
    a.detail.localeCompare(b.detail),
);

const byKind = {};
for (const row of rows) byKind[row.kind] = (byKind[row.kind] ?? 0) + 1;
const operations = new Set(rows.map((r) => `${r.operation} ${r.status}`));
const cell = (text) => String(text).replace(/\|/g, '\\|');
const lines = [
  `${records.length} mismatching checks, ${rows.length} distinct mismatches, ` +
    `${operations.size} operation/status pairs.`,
  '',
  '| kind | distinct |',
  '|---|---|',
  ...Object.entries(byKind).map(([kind, n]) => `| ${kind} | ${n} |`),
  '',
  '| operation | method and path | status | kind | what mismatched | seen | e.g. test |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${cell(r.operation)} | ${r.method} ${cell(r.path)} | ${r.status} | ${r.kind} | ${cell(r.detail)} | ${r.count} | ${cell([...r.tests][0] ?? '')} |`,
  ),
  '',
];
if (out) fs.writeFileSync(out, lines.join('\n'));
else process.stdout.write(lines.join('\n'));
