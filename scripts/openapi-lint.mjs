// Lints openapi.json with Redocly CLI (redocly.yaml) and Spectral (.spectral.yaml),
// offline, and prints every problem with a count per linter.
// PARLEY_OPENAPI_LINT: `strict` (the default, as CI runs it) fails on any error;
// `report` only lists them. A linter that cannot run fails in either mode.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.env.PARLEY_OPENAPI_LINT ?? 'strict';
if (mode !== 'strict' && mode !== 'report') {
  console.error(`PARLEY_OPENAPI_LINT must be strict or report, not "${mode}"`);
  process.exit(2);
}
const offline = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  DO_NOT_TRACK: '1',
};

function run(bin, args) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', bin), args, {
    cwd: root,
    env: offline,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return JSON.parse(result.stdout);
  } catch {
    console.error(`${bin} did not run (exit ${result.status}):\n${result.stderr}${result.stdout}`);
    process.exit(2);
  }
}

const pointerText = (pointer) =>
  decodeURIComponent(pointer.replace(/^#\//, ''))
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join(' > ');

const redocly = run('redocly', [
  'lint',
  'openapi.json',
  '--config',
  'redocly.yaml',
  '--format=json',
]).problems.map((p) => ({
  severity: p.severity === 'error' ? 'error' : 'warning',
  rule: p.ruleId,
  where: pointerText(p.location?.[0]?.pointer ?? ''),
  message: p.message,
}));
const SPECTRAL_SEVERITY = ['error', 'warning', 'info', 'hint'];
const spectral = run('spectral', [
  'lint',
  'openapi.json',
  '--ruleset',
  '.spectral.yaml',
  '--format',
  'json',
  '--quiet',
]).map((p) => ({
  severity: SPECTRAL_SEVERITY[p.severity],
  rule: p.code,
  where: p.path.join(' > '),
  message: p.message,
}));

let errors = 0;
for (const [name, problems] of [
  ['Redocly (recommended)', redocly],
  ['Spectral (spectral:oas)', spectral],
]) {
  const count = (severity) => problems.filter((p) => p.severity === severity).length;
  const lines = problems.map(
    (p) => `  ${p.severity.padEnd(7)} ${p.rule}  ${p.where}\n          ${p.message}\n`,
  );
  process.stdout.write(
    `\n${name}: ${count('error')} errors, ${count('warning')} warnings\n${lines.join('')}`,
  );
  errors += count('error');
}
if (errors > 0 && mode === 'strict') {
  console.error(`\nopenapi.json has ${errors} lint errors.`);
  process.exit(1);
}
if (errors > 0)
  console.warn(
    `\nopenapi.json has ${errors} lint errors (report mode: not failing; PARLEY_OPENAPI_LINT=strict fails).`,
  );
