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

// The admin console: its page and style beside the modules tsc compiled into dist/admin-console.
for (const file of ['index.html', 'admin.css', 'favicon.svg']) {
  fs.copyFileSync(path.join('admin-console', file), path.join('dist', 'admin-console', file));
}
