import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

/**
 * Where a span of WAL went, relation by relation: pg_waldump over the private
 * server's pg_wal between two LSNs, each record's total length (full-page
 * images included) charged to the relation of its first block reference, or to
 * its resource manager when it has none (commits, running xacts).
 */
export async function walBreakdown(
  client: pg.Client,
  dataDir: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const bin = path.join('/usr/lib/postgresql', latestVersion(), 'bin', 'pg_waldump');
  const out = spawnSync(bin, ['-p', path.join(dataDir, 'pg_wal'), '-s', from, '-e', to], {
    encoding: 'utf8',
  });
  const { rows } = await client.query<{ node: string; name: string }>(
    `SELECT pg_relation_filenode(oid)::text AS node, relname AS name FROM pg_class
     WHERE pg_relation_filenode(oid) IS NOT NULL`,
  );
  const names = new Map(rows.map((r) => [r.node, r.name]));
  const bytes = new Map<string, number>();
  for (const line of out.stdout.split('\n')) {
    const m = /^rmgr: (\S+)\s+len \(rec\/tot\):\s+\d+\/\s*(\d+).*?desc: (\S+)/.exec(line);
    if (!m) continue;
    const rel = /blkref #0: rel \d+\/\d+\/(\d+)/.exec(line)?.[1];
    const key = rel ? `${names.get(rel) ?? rel} (${m[1]} ${m[3]})` : `${m[1]} ${m[3]}`;
    bytes.set(key, (bytes.get(key) ?? 0) + Number(m[2]));
  }
  return bytes;
}

function latestVersion(): string {
  return fs
    .readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(a) - Number(b))
    .at(-1)!;
}

export function printBreakdown(title: string, bytes: Map<string, number>): void {
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(`${title}: ${total} B`);
  for (const [key, n] of [...bytes].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(n).padStart(6)} B  ${key}`);
  }
}
