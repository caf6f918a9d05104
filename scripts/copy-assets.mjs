// tsc compiles TypeScript only; plain modules that are forked or read at run
// time are copied beside their compiled neighbours.
import fs from 'node:fs';
import path from 'node:path';

const assets = ['src/platform/database/embedded/pglite-host.mjs'];
for (const asset of assets) {
  const target = path.join('dist', asset);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(asset, target);
}

// The shipped localized content, read at boot from dist/content.
fs.cpSync('content', path.join('dist', 'content'), { recursive: true });
