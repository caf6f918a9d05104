import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { openDataSource } from './data-source.js';
import { migrateWithLock, pendingSchemaChanges, revertLastWithLock } from './migrator.js';
import { withScratchDatabase } from './scratch-database.js';

const ROOT = process.cwd();
const MIGRATIONS_DIR = path.join(ROOT, 'migrations');

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'run': {
      // As the owner role when DATABASE_MIGRATION_URL names one; it grants the runtime role.
      const ds = await openDataSource(config, config.database.migrationUrl);
      try {
        const applied = await migrateWithLock(ds, { runtimeRole: config.database.runtimeRole });
        console.log(
          applied.length
            ? `Applied: ${applied.map((m) => m.name).join(', ')}`
            : 'Nothing to apply.',
        );
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'revert': {
      const ds = await openDataSource(config, config.database.migrationUrl);
      try {
        await revertLastWithLock(ds);
        console.log('Reverted the last migration.');
      } finally {
        await ds.destroy();
      }
      return;
    }
    case 'check': {
      const changes = await withScratchDatabase(config, async (ds) => {
        await migrateWithLock(ds);
        return pendingSchemaChanges(ds);
      });
      if (changes.up.length > 0) {
        console.error('Entities and migrations differ; generate a migration. Pending SQL:');
        for (const q of changes.up) console.error(`  ${q};`);
        process.exitCode = 1;
      } else {
        console.log('Migrations match the entities: no difference.');
      }
      return;
    }
    case 'generate': {
      if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
        throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
      }
      const changes = await withScratchDatabase(config, async (ds) => {
        await migrateWithLock(ds);
        return pendingSchemaChanges(ds);
      });
      if (changes.up.length === 0) {
        console.log('No changes: nothing to generate.');
        return;
      }
      writeMigration(name, changes);
      return;
    }
    default:
      throw new Error('usage: cli.js run | revert | check | generate <Name>');
  }
}

function writeMigration(name: string, changes: { up: string[]; down: string[] }): void {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  const body = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(\`${q.replace(/`/g, '\\`')}\`);`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${body(changes.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${body(changes.down)}
  }
}
`;
  fs.writeFileSync(path.join(MIGRATIONS_DIR, `${file}.ts`), source);
  const indexFile = path.join(MIGRATIONS_DIR, 'index.ts');
  const index = fs.readFileSync(indexFile, 'utf8');
  const updated = index
    .replace(/(\nexport const MIGRATIONS)/, `import { ${className} } from './${file}.js';\n$1`)
    .replace(/,?\s*\];\s*$/, `,\n  ${className},\n];\n`);
  fs.writeFileSync(indexFile, updated);
  console.log(
    `Wrote migrations/${file}.ts and registered it in migrations/index.ts; review it by hand.`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
